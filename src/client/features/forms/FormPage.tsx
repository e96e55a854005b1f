// One filled form: its current version laid out by its own template version, who wrote and
// changed it, its addenda (the receiver's synthesis among them), and what can be done with it:
// amend, add a complement, confirm a handover, mark entered in error, resolve a conflict.
import { useState } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import { useLocation, useParams } from '../../ui/router';
import { isHandoverTemplate, patientEnv, titleOf, valuesFromResponse, type Env } from '../../../domain/questionnaire';
import { careAddenda } from '../../../domain/recovery/back-entry';
import { amendForm, handoverAuthors, useDraft, useForm, useSession, type FormView } from '../../data';
import { ConflictIcon, UploadIcon, WarningIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useFlash } from '../../ui/useFlash';
import { usePageTitle } from '../../ui/usePageTitle';
import { ReceiverConfirm } from '../handover/ReceiverConfirm';
import { AddendumForm, addendumDraftKey } from '../editing/AddendumForm';
import { sameHeads } from '../../../domain/editing';
import { RetractForm } from '../editing/RetractForm';
import { amendFormDraftKey, confirmDraftKey, resolveFormDraftKey } from './drafts';
import { FormAddenda } from './FormAddenda';
import { FormByline } from './FormByline';
import { FormConflict } from './FormConflict';
import { FormEditor } from './FormEditor';
import { Flowsheet } from './Flowsheet';
import { rowGroupsOf } from '../../../domain/flowsheet/row-body';
import { PatientFrame } from './PatientFrame';
import { ResponseView } from './ResponseView';
import { rejectedReasonText } from '../../ui/rejected-reason';
import { retractReason } from '../../../domain/schemas/annotation';

type Mode = 'none' | 'amend' | 'addendum' | 'retract' | 'confirm';

export function FormPage() {
  const params = useParams();
  const view = useForm(params.formId ?? '');
  return (
    <PatientFrame patientId={params.id ?? ''}>
      {({ patient }) =>
        view === undefined ? <Loading /> : view === null ? <FormMissing /> : <FormDetail view={view} launch={patientEnv(params.id ?? '', patient)} />
      }
    </PatientFrame>
  );
}

function FormMissing() {
  const { t } = useTranslation();
  return <Notice kind="error">{t('forms.notFound')}</Notice>;
}

/** `launch` is %patient, for the calculations of an amend or a resolve. */
function FormDetail({ view, launch }: { view: FormView; launch: Env }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const { doc, template, response } = view;
  const { mode, choose, hasResolveDraft } = useFormMode(doc.docId);
  const [flash, showFlash] = useFlash();
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true;
  const title = template ? titleOf(template.template, i18n.language) : (response?.questionnaire ?? '');
  usePageTitle(title);

  const done = (message: string) => (outcome: 'saved' | 'discarded') => {
    choose('none');
    showFlash(outcome === 'saved' ? message : null);
  };
  const conflicted = doc.status === 'conflicted';
  const handover = !!template && isHandoverTemplate(template.template);
  const canEdit = !conflicted && !doc.retracted && view.rejectedReason === null && !!template;
  const canConfirm = handover && canEdit && !!user && !handoverAuthors(doc).has(user.id);

  return (
    <article className={`form-page${doc.retracted ? ' form-page--retracted' : ''}`} aria-labelledby="form-title">
      <FormHeader view={view} title={title} />
      {/* A conflict is not "saved" and done: the conflict view says what is wrong instead. */}
      {!conflicted && justSaved && !flash && mode === 'none' && <Notice kind="success">{t('forms.saved')}</Notice>}
      {!conflicted && flash && <Notice kind="success">{flash}</Notice>}
      {view.rejectedReason && <Notice kind="error">{t('forms.rejected', { reason: rejectedReasonText(view.rejectedReason, t) })}</Notice>}
      {!template && <Notice kind="warning">{t('forms.templateMissing', { canonical: response?.questionnaire ?? '' })}</Notice>}
      <FormRetractions doc={doc} />
      {template && (conflicted || hasResolveDraft) && (
        <FormConflict doc={doc} template={template.template} hasDraft={hasResolveDraft} launch={launch} onDone={done(t('forms.saved'))} />
      )}
      {template && !conflicted && response && mode !== 'amend' && <CurrentForm view={view} editable={canEdit} launch={launch} />}
      {mode === 'amend' && template && response && <AmendFormEditor view={view} title={title} launch={launch} onDone={done(t('forms.saved'))} />}
      <FormAddenda addenda={careAddenda(doc)} />
      {doc.history.length > 1 && <p className="muted">{t('forms.versions', { count: doc.history.length })}</p>}
      {mode === 'none' && canEdit && <FormActions canConfirm={canConfirm} choose={choose} />}
      {mode === 'confirm' && <ReceiverConfirm doc={doc} onDone={done(t('handover.confirmed'))} />}
      {mode === 'addendum' && <AddendumForm doc={doc} onDone={done(t('addendum.saved'))} />}
      {mode === 'retract' && <RetractForm doc={doc} onDone={done(t('forms.retractSaved'))} />}
    </article>
  );
}

/** Which form is open on the page. A draft left on the tablet reopens its form, so a reload returns the nurse to it. */
function useFormMode(docId: string) {
  const amendDraft = useDraft<unknown>(amendFormDraftKey(docId));
  const resolveDraft = useDraft<unknown>(resolveFormDraftKey(docId));
  const addendumDraft = useDraft<unknown>(addendumDraftKey(docId));
  const confirmDraft = useDraft<unknown>(confirmDraftKey(docId));
  const [chosen, choose] = useState<Mode | null>(null);
  const fromDraft: Mode =
    amendDraft.value !== undefined ? 'amend' : confirmDraft.value !== undefined ? 'confirm' : addendumDraft.value !== undefined ? 'addendum' : 'none';
  return { mode: chosen ?? fromDraft, choose, hasResolveDraft: resolveDraft.value !== undefined };
}

function FormHeader({ view, title }: { view: FormView; title: string }) {
  const { t } = useTranslation();
  return (
    <header className="form-page-header">
      <h1 id="form-title">{title}</h1>
      {view.template && <p className="muted">{t('forms.templateVersion', { version: view.template.template.version })}</p>}
      {view.pending && <span className="badge badge--pending"><UploadIcon />{t('forms.pending')}</span>}
      {view.doc.status === 'conflicted' && <span className="badge badge--conflict"><ConflictIcon />{t('forms.conflicted')}</span>}
    </header>
  );
}

function FormRetractions({ doc }: { doc: FormView['doc'] }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  return doc.retractions.map((r) => (
    <div key={r.entryId} className="retraction" role="note">
      <WarningIcon />
      <strong>{t('forms.retractedBecause', { reason: retractReason(r.body), name: nameOf(r.author) })}</strong>
    </div>
  ));
}

function CurrentForm({ view, editable, launch }: { view: FormView; editable: boolean; launch: Env }) {
  const { doc, template, response } = view;
  const creator = doc.history.find((v) => v.kind === 'create');
  const latest = doc.headVersions[0];
  if (!template || !response) return null;
  // A flowsheet's tables are shown with the rounds added since, each added on its own.
  const tables = ROUND_KINDS.has(template.kind ?? '') ? rowGroupsOf(template.template) : [];
  const header = tables.length > 0 ? { ...response, item: (response.item ?? []).filter((i) => !tables.some((g) => g.linkId === i.linkId)) } : response;
  return (
    <div className={doc.retracted ? 'form-content form-content--struck' : 'form-content'}>
      <ResponseView template={template.template} response={header} />
      {tables.map((g) => <Flowsheet key={g.linkId} view={view} group={g} editable={editable} launch={launch} />)}
      {creator && <FormByline version={creator} />}
      {latest && creator && latest.entryId !== creator.entryId && <FormByline version={latest} />}
    </div>
  );
}

/** The kinds of form whose tables take rounds: a flowsheet, a medication record. */
const ROUND_KINDS: ReadonlySet<string> = new Set(['flowsheet', 'medication']);

/** Amend starts from the current answers and remembers the version it started from (see amendDoc). */
function AmendFormEditor({ view, title, launch, onDone }: { view: FormView; title: string; launch: Env; onDone: (o: 'saved' | 'discarded') => void }) {
  const { t } = useTranslation();
  const { doc, template, response } = view;
  if (!template || !response) return null;
  return (
    <FormEditor
      title={t('forms.amendTitle', { title })}
      template={template.template}
      draftKey={amendFormDraftKey(doc.docId)}
      initial={valuesFromResponse(template.template, response)}
      baseHeads={[...doc.heads]}
      launch={launch}
      warning={(heads) => (heads && !sameHeads(heads, doc.heads) ? <Notice kind="warning">{t('forms.changedElsewhere')}</Notice> : null)}
      onSave={(values, heads) => amendForm(doc.docId, heads ?? doc.heads, template.template, values)}
      onDone={onDone}
    />
  );
}

function FormActions({ canConfirm, choose }: { canConfirm: boolean; choose: (mode: Mode) => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row form-actions">
      {canConfirm && (
        <button type="button" className="button button--primary" onClick={() => choose('confirm')}>
          {t('handover.confirm')}
        </button>
      )}
      <button type="button" className="button" onClick={() => choose('amend')}>{t('forms.amend')}</button>
      <button type="button" className="button" onClick={() => choose('addendum')}>{t('forms.addAddendum')}</button>
      <button type="button" className="button button--danger-quiet" onClick={() => choose('retract')}>{t('forms.retract')}</button>
    </div>
  );
}
