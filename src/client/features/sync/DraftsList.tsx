// "Drafts in progress": every half-typed entry left on this tablet. The update gate refuses to
// install while any exists, so a draft abandoned on another patient's page (or by the previous
// shift) must be findable here: open it to finish it, or delete it.
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { displayName } from '../../../domain/patient-identity';
import { clearDraft, useDrafts, type DraftSummary } from '../../data';
import { useFormat } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { errorMessage } from '../../ui/write-errors';

function kindLabel(kind: string, t: TFunction): string {
  switch (kind) {
    case 'note:new':
      return t('drafts.kind.newNote');
    case 'note:amend':
      return t('drafts.kind.amend');
    case 'note:addendum':
      return t('drafts.kind.addendum');
    case 'note:resolve':
      return t('drafts.kind.resolve');
    default:
      return t('drafts.kind.other', { kind });
  }
}

export function DraftsList() {
  const { t } = useTranslation();
  const drafts = useDrafts();
  const [discarding, setDiscarding] = useState<DraftSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hash = useLocation().hash;
  const loaded = drafts !== undefined;

  // The update banner links here (/sync#drafts): bring the list into view once it has loaded.
  useEffect(() => {
    if (!loaded || hash !== '#drafts') return;
    const heading = document.getElementById('drafts');
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);

  async function discard(key: string) {
    setError(null);
    try {
      await clearDraft(key);
    } catch (err) {
      setError(errorMessage(err, t('errors.unknown')));
    } finally {
      setDiscarding(null);
    }
  }

  return (
    <>
      <h2 id="drafts" tabIndex={-1}>
        {t('drafts.title')} ({drafts?.length ?? '…'})
      </h2>
      {drafts === undefined ? (
        <Loading />
      ) : drafts.length === 0 ? (
        <p>{t('drafts.none')}</p>
      ) : (
        <>
          <p>{t('drafts.help')}</p>
          {error && <Notice kind="error">{error}</Notice>}
          <ul className="plain-list drafts-list">
            {drafts.map((d) => (
              <li key={d.key} className="draft-row">
                <div className="draft-what">
                  <strong>{kindLabel(d.kind, t)}</strong>
                  <DraftPatient draft={d} />
                  <span className="draft-when">
                    {t('drafts.updatedAt')} <Timestamp iso={d.updatedAt} />
                  </span>
                </div>
                <div className="button-row">
                  {d.patient && d.patientId && (
                    <Link to={`/patient/${encodeURIComponent(d.patientId)}`} className="button button--primary">
                      {t('drafts.open')}
                    </Link>
                  )}
                  <button type="button" className="button" onClick={() => setDiscarding(d)}>
                    {t('drafts.discard')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        open={discarding !== null}
        title={t('drafts.discardTitle')}
        confirmLabel={t('drafts.discardConfirm')}
        cancelLabel={t('drafts.discardCancel')}
        danger
        onConfirm={() => discarding && void discard(discarding.key)}
        onCancel={() => setDiscarding(null)}
      >
        <p>{t('drafts.discardBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/** Both identifiers for a patient of the reader's wards; only the ward for anyone else's. */
function DraftPatient({ draft }: { draft: DraftSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const p = draft.patient;
  if (p)
    return (
      <span>
        {displayName(p)} · {f.date(p.birthDate)} · {t('patient.ipp', { ipp: p.ipp })} · {p.unitCode}
      </span>
    );
  return <span>{draft.unitCode ? t('drafts.otherWard', { unit: draft.unitCode }) : t('drafts.noPatient')}</span>;
}
