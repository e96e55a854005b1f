// The sync state, on every screen (DESIGN.md safety rule 4: staleness is always visible).
// Each fact is written out in words; colour and icons only repeat what the words say.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { syncNow, useSyncStatus } from '../../data';
import { useFormat } from '../../i18n';
import { BlockedIcon, ClockIcon, ConflictIcon, OfflineIcon, OnlineIcon, SyncIcon, UploadIcon, WarningIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';
import { ReferenceAsOf } from '../downtime/AsOf';
import { syncErrorText } from './sync-error';

export function StatusBar() {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow();
  const s = useSyncStatus();

  return (
    <div className="status-bar">
      {s.deviceRevoked && (
        <p className="status-revoked" role="alert">
          <BlockedIcon /> {t('status.deviceRevoked')}
        </p>
      )}
      <div className="status-row" role="status" aria-label={t('status.label')}>
        <span className={`status-item status-online status-online--${s.online === null ? 'unknown' : s.online ? 'yes' : 'no'}`}>
          {s.online === false ? <OfflineIcon /> : <OnlineIcon />}
          {s.online === null ? t('status.checking') : s.online ? t('status.online') : t('status.offline')}
        </span>

        {/* The clock ticks every 30 s: not worth an announcement each time (aria-live off). */}
        <span className="status-item" aria-live="off">
          <ClockIcon />
          {s.lastSyncAt
            ? t('status.lastSync', { relative: f.relative(s.lastSyncAt, now), absolute: f.dateTime(s.lastSyncAt) })
            : t('status.lastSyncNever')}
        </span>

        <span className="status-item" aria-live="off">
          {s.censusAsOf
            ? t('status.census', { relative: f.relative(s.censusAsOf, now), absolute: f.dateTime(s.censusAsOf) })
            : t('status.censusNever')}
        </span>

        <ReferenceAsOf />

        <span className="status-counts">
          <Link to="/sync" className={`status-count${s.pending > 0 ? ' status-count--pending' : ''}`}>
            <UploadIcon />
            {t('status.pending', { count: s.pending })}
          </Link>
          <Link to="/sync" className={`status-count${s.rejected > 0 ? ' status-count--bad' : ''}`}>
            <BlockedIcon />
            {t('status.rejected', { count: s.rejected })}
          </Link>
          <Link to="/sync" className={`status-count${s.conflicts > 0 ? ' status-count--bad' : ''}`}>
            <ConflictIcon />
            {t('status.conflicts', { count: s.conflicts })}
          </Link>
        </span>

        <button type="button" className="button button--primary status-sync" onClick={syncNow} disabled={s.syncing}>
          <SyncIcon className={s.syncing ? 'icon--spin' : undefined} />
          {s.syncing ? t('status.syncing') : t('status.syncNow')}
        </button>
      </div>
      {s.lastError && (
        <p className="status-error">
          <WarningIcon /> {t('status.lastError', { error: syncErrorText(s.lastError, t) })}
        </p>
      )}
    </div>
  );
}
