// "Drafts in progress": the reader's half-typed entries left on this tablet. The update gate
// refuses to install while any draft exists, so one abandoned on another patient's page must be
// findable here: open it to finish it, or discard it. Colleagues' drafts are theirs: only
// counted, by name, so the reader knows why an update waits.
import { useEffect, useState } from 'react';
import type { TFunction } from '../../i18n';
import { useTranslation } from '../../i18n';
import { Link, useLocation } from '../../ui/router';
import { displayName } from '../../../domain/patient-identity';
import { clearMyDraft, useDrafts, useSession, type DraftSummary, type OthersDrafts } from '../../data';
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
    case 'form:resolve':
      return t('drafts.kind.resolve');
    case 'form:new':
      return t('drafts.kind.newForm');
    case 'form:amend':
      return t('drafts.kind.amendForm');
    case 'handover:confirm':
      return t('drafts.kind.handoverConfirm');
    case 'admission:new':
      return t('drafts.kind.admission');
    default:
      return t('drafts.kind.other', { kind });
  }
}

/** Where the draft's form reopens: its patient's page, or the ward's admission screen. */
function whereToOpen(d: DraftSummary, readerUnits: readonly string[]): string | null {
  if (d.patient && d.patientId) return `/patient/${encodeURIComponent(d.patientId)}`;
  if (d.kind === 'admission:new' && d.unitCode && readerUnits.includes(d.unitCode))
    return `/ward/${encodeURIComponent(d.unitCode)}/admission`;
  return null;
}

export function DraftsList() {
  const { t } = useTranslation();
  const all = useDrafts();
  const drafts = all?.mine;
  const readerUnits = useSession().user?.units ?? [];
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
      await clearMyDraft(key);
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
              <DraftRow key={d.key} draft={d} href={whereToOpen(d, readerUnits)} onDiscard={() => setDiscarding(d)} />
            ))}
          </ul>
        </>
      )}
      {all && all.others.length > 0 && <OthersDraftsNote others={all.others} />}
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

function DraftRow({ draft, href, onDiscard }: { draft: DraftSummary; href: string | null; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="draft-row">
      <div className="draft-what">
        <strong>{kindLabel(draft.kind, t)}</strong>
        <DraftPatient draft={draft} />
        <span className="draft-when">
          {t('drafts.updatedAt')} <Timestamp iso={draft.updatedAt} />
        </span>
      </div>
      <div className="button-row">
        {href && (
          <Link to={href} className="button button--primary">
            {t('drafts.open')}
          </Link>
        )}
        <button type="button" className="button" onClick={onDiscard}>
          {t('drafts.discard')}
        </button>
      </div>
    </li>
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
  if (draft.kind === 'admission:new' && draft.unitCode) return <span>{t('drafts.ward', { unit: draft.unitCode })}</span>;
  return <span>{draft.unitCode ? t('drafts.otherWard', { unit: draft.unitCode }) : t('drafts.noPatient')}</span>;
}

/** Whose other drafts wait on this tablet: names and counts only, never their content. */
function OthersDraftsNote({ others }: { others: OthersDrafts[] }) {
  const { t } = useTranslation();
  return (
    <div className="drafts-others">
      <p>{t('drafts.othersHelp')}</p>
      <ul className="plain-list">
        {others.map((o) => (
          <li key={o.name ?? ''}>
            {t('drafts.othersOf', { name: o.name ?? t('drafts.unknownAuthor'), count: o.count })}
          </li>
        ))}
      </ul>
    </div>
  );
}
