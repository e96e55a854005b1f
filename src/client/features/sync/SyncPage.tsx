// The sync details behind the status bar's counts: what waits to be sent, what the server
// refused and why, which documents are in conflict (ConflictList), whose entries wait for them to sign in, and the
// drafts left on the tablet (they hold back an app update).
import type { TFunction } from '../../i18n';
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { useDeviceId, useRejected, useSyncStatus } from '../../data';
import { useFormat } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Timestamp } from '../../ui/Timestamp';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { DraftsList } from './DraftsList';
import { EnrolmentsOnTablet } from './EnrolmentsOnTablet';
import { ConflictList } from './ConflictList';
import { docTypeLabel } from './doc-type-label';
import { syncErrorText } from './sync-error';
import { rejectedReasonText } from '../../ui/rejected-reason';

export function SyncPage() {
  const { t } = useTranslation();
  usePageTitle(t('sync.title'));
  const s = useSyncStatus();
  const f = useFormat();
  const now = useNow();
  const deviceId = useDeviceId();

  return (
    <section className="page sync-page">
      <h1>{t('sync.title')}</h1>

      <dl className="facts">
        <div>
          <dt>{t('sync.connection')}</dt>
          <dd>{s.online === null ? t('status.checking') : s.online ? t('status.online') : t('status.offline')}</dd>
        </div>
        <div>
          <dt>{t('sync.lastSync')}</dt>
          <dd>{s.lastSyncAt ? `${f.dateTime(s.lastSyncAt)} (${f.relative(s.lastSyncAt, now)})` : t('time.never')}</dd>
        </div>
        <div>
          <dt>{t('sync.census')}</dt>
          <dd>{s.censusAsOf ? `${f.dateTime(s.censusAsOf)} (${f.relative(s.censusAsOf, now)})` : t('time.never')}</dd>
        </div>
        <div>
          <dt>{t('sync.lastError')}</dt>
          <dd>{s.lastError ? syncErrorText(s.lastError, t) : t('sync.noError')}</dd>
        </div>
        <div>
          <dt>{t('sync.device')}</dt>
          <dd className="mono">{deviceId ?? '…'}</dd>
        </div>
      </dl>
      {s.deviceRevoked && <p className="status-revoked">{t('status.deviceRevoked')}</p>}

      <h2>
        {t('sync.pending')} ({s.pending})
      </h2>
      <p>{t('sync.pendingHelp')}</p>
      {s.pendingByAuthor.length > 0 && (
        <ul className="plain-list pending-by-author">
          {s.pendingByAuthor.map((a) => (
            <li key={a.name}>
              {t(a.blocked ? 'sessions.pendingOfBlocked' : 'sessions.pendingOf', { name: a.name, count: a.count })}
            </li>
          ))}
        </ul>
      )}

      <DraftsList />

      <EnrolmentsOnTablet />

      {s.waitingForSignIn.length > 0 && (
        <>
          <h2>{t('sync.waitingForSignIn')}</h2>
          <p>{t('sync.waitingForSignInHelp')}</p>
          <ul className="plain-list">
            {s.waitingForSignIn.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}

      <h2>
        {t('sync.rejected')} ({s.rejected})
      </h2>
      <RejectedList />

      <h2>
        {t('sync.conflicts')} ({s.conflicts})
      </h2>
      {s.conflicts === 0 ? <p>{t('sync.conflictsNone')}</p> : <ConflictList />}
    </section>
  );
}

function RejectedList() {
  const { t } = useTranslation();
  const rejected = useRejected();
  if (rejected === undefined) return <Loading />;
  if (rejected.length === 0) return <p>{t('sync.rejectedNone')}</p>;
  return (
    <>
      <p>{t('sync.rejectedHelp')}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('sync.columns.when')}</th>
              <th scope="col">{t('sync.columns.what')}</th>
              <th scope="col">{t('sync.columns.reason')}</th>
              <th scope="col">{t('sync.columns.patient')}</th>
            </tr>
          </thead>
          <tbody>
            {rejected.map((r) => (
              <tr key={r.entryId}>
                <td>
                  <Timestamp iso={r.createdAt} />
                </td>
                <td>
                  {docTypeLabel(r.docType, t)} — {kindLabel(r.kind, t)}
                </td>
                <td className="reason">{rejectedReasonText(r.reason, t)}</td>
                <td>
                  {r.patientId && (
                    <Link to={`/patient/${encodeURIComponent(r.patientId)}`} className="button button--quiet">
                      {t('sync.openPatient')}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function kindLabel(kind: string, t: TFunction): string {
  return kind === 'create' || kind === 'amend' || kind === 'addendum' || kind === 'retract' || kind === 'resolve'
    ? t(`notes.kind.${kind}`)
    : kind;
}
