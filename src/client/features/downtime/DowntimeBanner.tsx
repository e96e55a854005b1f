// The red banner on every screen while a downtime episode is in force for the ward on screen
// or the whole hospital: since when, for how long, why. A drill says EXERCICE in big letters,
// so nobody mistakes a rehearsal for the real thing, or the other way round.
import { useFormat, useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { useEpisodesInForce, type EpisodeView } from '../../data';
import { useCurrentWard } from '../ward/current-ward';
import { WarningIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';
import { useDuration, useReasonLabel, useSystemLabel } from './labels';

function BannerLine({ ep, now }: { ep: EpisodeView; now: Date }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const startTime = useFormat().shortTime; // "14:05" today, "02/03 14:05" another day: the banner stays short
  const reason = useReasonLabel();
  const system = useSystemLabel();
  const where = ep.body.area === 'hospital' ? t('downtime.banner.hospital') : t('downtime.banner.unit', { unit: ep.body.unitCode });
  return (
    <div className={ep.body.drill ? 'downtime-banner-line downtime-banner-line--drill' : 'downtime-banner-line'}>
      {ep.body.drill && <strong className="drill-badge">{t('downtime.banner.drill')}</strong>}
      <WarningIcon className="banner-icon" />
      <p className="downtime-banner-text">
        <strong className="downtime-banner-title">
          {t('downtime.banner.title', { time: startTime(ep.body.startedAt, now), duration: duration(ep.body.startedAt, now) })}
        </strong>
        <span>
          {' '}
          — {reason(ep.body.reason)} · {where}
          {ep.body.down.length > 0 && <> · {t('downtime.banner.down', { list: ep.body.down.map(system).join(', ') })}</>}
        </span>
      </p>
    </div>
  );
}

export function DowntimeBanner() {
  const { t } = useTranslation();
  const ward = useCurrentWard();
  const episodes = useEpisodesInForce(ward);
  const now = useNow(30_000);
  if (!episodes || episodes.length === 0) return null;
  const drill = episodes.every((e) => e.body.drill);
  return (
    <section className={drill ? 'downtime-banner downtime-banner--drill' : 'downtime-banner'} aria-label={t('downtime.banner.label')}>
      <div className="downtime-banner-lines">
        {episodes.map((ep) => (
          <BannerLine key={ep.docId} ep={ep} now={now} />
        ))}
      </div>
      <Link to="/downtime" className="button downtime-banner-link">
        {t('downtime.banner.open')}
      </Link>
    </section>
  );
}

/** On paper, a page printed during a drill says so at its top (the banner itself is not printed). */
export function DrillPrintMark() {
  const { t } = useTranslation();
  const ward = useCurrentWard();
  const episodes = useEpisodesInForce(ward);
  if (!episodes?.some((e) => e.body.drill)) return null;
  return <p className="drill-print-mark">{t('downtime.print.drill')}</p>;
}
