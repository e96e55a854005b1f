// The sync state, on every screen (DESIGN.md safety rule 4: staleness is always visible).
// Each fact is written out in words; colour and icons only repeat what the words say.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { syncNow, useReferenceAsOf, useSessionHealth, useSyncStatus } from '../../data';
import { useFormat } from '../../i18n';
import { BlockedIcon, ConflictIcon, OfflineIcon, OnlineIcon, SyncIcon, UploadIcon, WarningIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';
import { syncErrorText } from './sync-error';
import { useCurrentWard } from '../ward/current-ward';

export function StatusBar() {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const s = useSyncStatus();
  // Online but her entries cannot leave (token expired or refused): never shown green.
  const blocked = useSessionHealth()?.blocked === true;
  const reference = useReferenceAsOf(); // undefined while reading: "never loaded" would be a false alarm
  // Within the hour "5 min ago" says it all; older, the time is written beside it.
  const lastSyncText = (iso: string) =>
    now.getTime() - new Date(iso).getTime() < 3_600_000
      ? t('status.lastSyncRecent', { relative: f.relative(iso, now) })
      : t('status.lastSyncShort', { relative: f.relative(iso, now), time: f.shortTime(iso, now) });

  return (
    <div className="status-bar">
      {s.deviceRevoked && (
        <p className="status-revoked" role="alert">
          <BlockedIcon /> {t('status.deviceRevoked')}
        </p>
      )}
      <div className="status-row" role="status" aria-label={t('status.label')}>
        <span className={`status-item status-online status-online--${s.online === null ? 'unknown' : s.online ? (blocked ? 'blocked' : 'yes') : 'no'}`}>
          {s.online === false ? <OfflineIcon /> : <OnlineIcon />}
          {s.online === null ? t('status.checkingShort') : s.online ? (blocked ? t('sessions.onlineBlocked') : t('status.online')) : t('status.offline')}
        </span>

        {/* The clock ticks every 30 s: not worth an announcement each time (aria-live off).
            Times are short (the date only when it is not today); the full one is in the title. */}
        {/* data-last-sync: the exact instant, so a test can wait for a round to finish. */}
        <span className="status-item status-last-sync" aria-live="off" data-last-sync={s.lastSyncAt ?? ''} title={s.lastSyncAt ? f.dateTime(s.lastSyncAt) : undefined}>
          {s.lastSyncAt ? lastSyncText(s.lastSyncAt) : t('status.lastSyncNever')}
        </span>

        {/* The two "as of" times, one above the other: same size, half the width. */}
        <span className="status-asof-group">
          <CensusAsOf hisAsOf={s.hisAsOf} lastPull={s.censusAsOf} now={now} />

          {reference !== undefined && (
            <span className="status-item status-asof" aria-live="off" title={reference ? f.dateTime(reference) : undefined}>
              {reference ? t('status.referenceShort', { time: f.shortTime(reference, now) }) : t('downtime.status.referenceNever')}
            </span>
          )}
        </span>

        {/* One tap target for the three counts, each its own phrase, coloured when not zero (zero ones step aside folded: chrome.css). */}
        <Link to="/sync" className="status-counts">
          <span className={`status-count${s.pending > 0 ? ' status-count--pending' : ''}`}>
            <UploadIcon />
            {t('status.pending', { count: s.pending })}
          </span>
          <span className={`status-count${s.rejected > 0 ? ' status-count--bad' : ' status-count--zero'}`}>
            <BlockedIcon />
            {t('status.rejected', { count: s.rejected })}
          </span>
          <span className={`status-count${s.conflicts > 0 ? ' status-count--bad' : ' status-count--zero'}`}>
            <ConflictIcon />
            {t('status.conflicts', { count: s.conflicts })}
          </span>
        </Link>

        <button type="button" className="button button--primary status-sync" onClick={syncNow} disabled={s.syncing}>
          <SyncIcon className={s.syncing ? 'icon--spin' : undefined} />
          {/* Both labels hold their place, so the bar does not jump to two rows at each sync;
              the hidden one is neither seen nor read. */}
          <span className="status-sync-labels">
            <span className={s.syncing ? 'status-sync-label--hidden' : undefined}>{t('status.syncNow')}</span>
            <span className={s.syncing ? undefined : 'status-sync-label--hidden'}>{t('status.syncing')}</span>
          </span>
        </button>
      </div>
      {s.clockOffMinutes !== null && <ClockWarning minutes={s.clockOffMinutes} />}
      {s.lastError && (
        <p className="status-error">
          <WarningIcon /> {t('status.lastError', { error: syncErrorText(s.lastError, t) })}
        </p>
      )}
    </div>
  );
}

/** The tablet's clock is off from the server's: every entry it writes carries that clock's time. */
function ClockWarning({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const hours = Math.abs(minutes) >= 120; // "2880 minutes" reads better as "48 hours"
  return (
    <p className="status-error" role="alert">
      <WarningIcon /> {t(`status.${minutes > 0 ? 'clockAhead' : 'clockBehind'}${hours ? 'Hours' : ''}`, { count: hours ? Math.round(Math.abs(minutes) / 60) : Math.abs(minutes) })}
    </p>
  );
}

/**
 * How old the census is: the hospital's last message about this ward when the HIS feeds it
 * ("Données du SIH au 14:03"), else the tablet's last pull.
 */
function CensusAsOf({ hisAsOf, lastPull, now }: { hisAsOf: Record<string, string>; lastPull: string | null; now: Date }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ward = useCurrentWard();
  const his = (ward && hisAsOf[ward]) || null;
  const at = his ?? lastPull;
  return (
    <span className="status-item status-asof" aria-live="off" title={at ? f.dateTime(at) : undefined}>
      {his ? t('his.statusAsOf', { time: f.shortTime(his, now) }) : lastPull ? t('status.censusShort', { time: f.shortTime(lastPull, now) }) : t('status.censusNever')}
    </span>
  );
}
