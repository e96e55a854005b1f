// What every admin editor shares: load the document, start from its current version (or from
// a chosen one when two admins saved at once), check the body with the domain's schema, save
// online only as a create, an amend or a resolve, and show every version with its author.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import { Link, useNavigate } from '../../ui/router';
import type { z } from 'zod';
import type { Version } from '../../../domain/project';
import { OfflineEditError, saveReference, useReferenceDoc, useSyncStatus } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { useFlash } from '../../ui/useFlash';
import { usePageTitle } from '../../ui/usePageTitle';
import { useWriteAction } from '../../ui/useWriteAction';
import { VersionList } from './VersionList';

export type FieldErrors = Record<string, string>;

interface Props<T> {
  docType: 'procedure' | 'contact' | 'unit' | 'calltree';
  docId: string | null;
  empty: T;
  schema: z.ZodType;
  heading: (body: T | null) => string;
  children: (value: T, set: (next: T) => void, errors: FieldErrors) => ReactNode;
}

const PROBLEMS = ['too_small', 'too_big', 'invalid_format', 'invalid_value', 'invalid_type', 'custom'] as const;
type Problem = (typeof PROBLEMS)[number];

/** Field path -> what is wrong, in the reader's language (the schema's own messages are English). */
function toErrors(error: z.ZodError, say: (p: Problem) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const i of error.issues) {
    const code = (PROBLEMS as readonly string[]).includes(i.code) ? (i.code as Problem) : 'custom';
    out[i.path.join('.')] ??= say(code);
  }
  return out;
}

export function EditorShell<T>({ docType, docId, empty, schema, heading, children }: Props<T>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const existing = useReferenceDoc<T>(docId ?? '', docType);
  const status = useSyncStatus();
  const { run, busy, error } = useWriteAction();
  const [flash, showFlash] = useFlash();
  const [edited, setDraft] = useState<T | null>(docId ? null : empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  usePageTitle(heading(existing?.body ?? null));

  // The saved version until the admin types; from then on, later syncs do not overwrite her typing.
  const draft = edited ?? existing?.body ?? null;

  if (docId && existing === undefined) return <Loading />;
  if (docId && existing === null) return <section className="page"><Notice kind="error">{t('admin.notFound')}</Notice></section>;
  if (draft === null) return <Loading />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = schema.safeParse(draft);
    if (!parsed.success) {
      setErrors(toErrors(parsed.error, (p) => t(`admin.problems.${p}`)));
      return;
    }
    setErrors({});
    let savedId = '';
    const ok = await run(async () => {
      try {
        savedId = await saveReference(docType, existing?.doc ?? null, parsed.data);
      } catch (err) {
        throw err instanceof OfflineEditError ? new Error(t('admin.offline')) : err;
      }
    });
    if (!ok) return;
    showFlash(t('admin.saved'));
    if (!docId) navigate(`/admin/${docType}/${savedId}`, { replace: true });
  }

  const problems = Object.entries(errors);
  return (
    <section className="page page--narrow admin-editor">
      <p className="breadcrumb"><Link to="/admin">{t('admin.back')}</Link></p>
      <h1>{heading(existing?.body ?? null)}</h1>
      <Notice kind="info" live={false}>{t('admin.onlineOnly')}</Notice>
      {status.online === false && <Notice kind="warning">{t('admin.offline')}</Notice>}
      {existing && (
        <p className="byline">
          {t('admin.current', { n: existing.versionCount, name: existing.updatedBy.name })}, <Timestamp iso={existing.updatedAt} />
        </p>
      )}
      {existing?.conflicted && <ConflictChoice versions={existing.doc.headVersions} onChoose={(body) => setDraft(body as T)} />}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {children(draft, setDraft, errors)}
        {problems.length > 0 && (
          <Notice kind="error">
            <p>{t('admin.invalid')}</p>
            <ul>{problems.map(([path, msg]) => <li key={path}><code>{path || '—'}</code> : {msg}</li>)}</ul>
          </Notice>
        )}
        {error && <Notice kind="error">{error}</Notice>}
        {flash && <Notice kind="success">{flash}</Notice>}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || status.online === false}>
            {busy ? t('admin.saving') : t('admin.save')}
          </button>
          <Link to="/admin" className="button">{t('admin.back')}</Link>
        </div>
      </form>
      {existing && <VersionList doc={existing.doc} />}
    </section>
  );
}

/** A conflicted document: the admin starts from one of the concurrent versions, and her save resolves it. */
function ConflictChoice({ versions, onChoose }: { versions: readonly Version[]; onChoose: (body: unknown) => void }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  return (
    <Notice kind="error" live={false}>
      <p>{t('admin.conflict')}</p>
      <div className="button-row">
        {versions.map((v, i) => (
          <button key={v.entryId} type="button" className="button" onClick={() => onChoose(v.body)}>
            {t('admin.startFrom', { n: i + 1, name: nameOf(v.author) })}
          </button>
        ))}
      </div>
    </Notice>
  );
}
