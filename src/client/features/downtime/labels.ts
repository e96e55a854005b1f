// Words for downtime facts, shared by the banner, the ward's downtime page and the forms.
import { useTranslation } from '../../i18n';
import type { DowntimeReason } from '../../../domain/schemas/downtime';
import { DOWN_SYSTEMS } from '../../../domain/schemas/down-systems';
import { elapsedSince } from '../../../domain/downtime/episode';

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
