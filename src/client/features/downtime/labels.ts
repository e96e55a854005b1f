// Words for downtime facts, shared by the banner, the ward's downtime page and the forms.
import { useTranslation } from '../../i18n';
import type { DowntimeReason } from '../../../domain/schemas/downtime';
import { DOWN_SYSTEMS } from '../../../domain/schemas/down-systems';
import { elapsedSince } from '../../../domain/downtime/episode';
import { localeOf } from '../../i18n';

/** "2 h 10", "45 min", "3 j 4 h": long outages are counted in days, as Dax's was. */
export function useDuration(): (startedAt: string, now: Date) => string {
  const { t } = useTranslation();
  return (startedAt, now) => {
    const { hours, minutes } = elapsedSince(startedAt, now);
    if (hours >= 24) return t('downtime.durationDays', { d: Math.floor(hours / 24), h: hours % 24 });
    if (hours === 0) return t('downtime.durationMinutes', { m: minutes });
    return t('downtime.duration', { h: hours, m: String(minutes).padStart(2, '0') });
  };
}

/** "14:05" today, "02/03 14:05" another day: the banner must stay short. */
export function useStartTime(): (iso: string, now: Date) => string {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (iso, now) => {
    const d = new Date(iso);
    const sameDay = d.toDateString() === now.toDateString();
    return new Intl.DateTimeFormat(locale, {
      ...(sameDay ? {} : { day: '2-digit', month: '2-digit' }),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(d);
  };
}

export function useReasonLabel(): (reason: DowntimeReason) => string {
  const { t } = useTranslation();
  return (reason) => t(`downtime.reason.${reason}`);
}

const KNOWN: ReadonlySet<string> = new Set(DOWN_SYSTEMS);

/** A known system in the reader's language; anything typed in by hand, as typed. */
export function useSystemLabel(): (system: string) => string {
  const { t } = useTranslation();
  return (system) => (KNOWN.has(system) ? t(`downtime.system.${system as (typeof DOWN_SYSTEMS)[number]}`) : system);
}
