// One procedure: what it is for, its steps (the ones ticked in a checklist marked), who owns it
// and when it was reviewed, its version, and the button that starts its checklist on the ward.
import { useTranslation } from '../../i18n';
import { SafetyBox } from './SafetyBox';
import { Link, useNavigate, useParams } from '../../ui/router';
import { isReviewOverdue, localDate } from '../../../domain/downtime/library';
import { startProcedureChecklist, useChecklistRuns, useProcedure, useProcedureTranslations, type ProcedureView } from '../../data';
import { useFormat } from '../../i18n';
import { CheckIcon, WarningIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { useWriteAction } from '../../ui/useWriteAction';
import { useActiveWard } from '../downtime/active-ward';
import { ListAsOf } from '../downtime/AsOf';
import { RunSummary } from './ChecklistRunList';

export function ProcedurePage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const p = useProcedure(id);
  const translations = useProcedureTranslations(p?.body.code);
  const ward = useActiveWard();
  const runs = useChecklistRuns(ward?.code ?? null);
  const navigate = useNavigate();
  const { run, busy, error } = useWriteAction();
  const today = localDate(useNow(60_000));
  usePageTitle(p ? p.body.title : t('procedures.title'));

  if (p === undefined || ward === undefined) return <Loading />;
  if (p === null)
    return (
      <section className="page">
        <Notice kind="error">{t('procedures.notFound')}</Notice>
        <Link to="/procedures" className="button">{t('procedures.back')}</Link>
      </section>
    );

  const b = p.body;
  const overdue = isReviewOverdue(b, today);
  const checks = b.steps.filter((s) => s.checklist).length;
  const mine = (runs ?? []).filter((r) => r.body.source === 'procedure' && r.body.procedureId === p.docId);
  const other = translations.find((x) => x.docId !== p.docId);

  async function start() {
    if (!ward) return;
    let runId = '';
    const ok = await run(async () => {
      runId = await startProcedureChecklist(p!, ward.code);
    });
    if (ok) navigate(`/checklists/${runId}`);
  }

  return (
    <article className="page procedure-page" lang={b.lang}>
      <p className="breadcrumb"><Link to="/procedures">{t('procedures.back')}</Link></p>
      <h1>
        {b.code && <span className="procedure-code">{b.code}</span>} {b.title}
      </h1>
      <ListAsOf />
      <SafetyBox steps={b.steps} />
      <ProcedureTags procedure={p} other={other} overdue={overdue} />

      <p className="procedure-summary">{b.summary}</p>

      <div className="button-row procedure-actions">
        {checks > 0 && ward ? (
          <button type="button" className="button button--primary" onClick={() => void start()} disabled={busy}>
            <CheckIcon /> {t('procedures.startChecklist', { unit: ward.code })}
          </button>
        ) : (
          <p className="muted">{t('procedures.noChecklist')}</p>
        )}
        <button type="button" className="button" onClick={() => window.print()}>{t('procedures.print')}</button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}

      {mine.length > 0 && (
        <section aria-labelledby="runs-title">
          <h2 id="runs-title">{t('procedures.runsHere', { unit: ward?.code ?? '' })}</h2>
          <ul className="card-list">{mine.map((r) => <li key={r.doc.docId}><RunSummary run={r} /></li>)}</ul>
        </section>
      )}

      <ProcedureSteps steps={b.steps} />
      <ProcedureFacts procedure={p} />
    </article>
  );
}

function ProcedureSteps({ steps }: { steps: ProcedureView['body']['steps'] }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('procedures.steps')}</h2>
      <ol className="procedure-steps">
        {steps.map((s, i) => (
          <li key={i} className={s.checklist ? 'procedure-step procedure-step--check' : 'procedure-step'}>
            <span className="procedure-step-text">{s.text}</span>
            {s.checklist && <span className="tag tag--check">{t('procedures.checklistStep')}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Who owns the procedure, who it is for, when it was reviewed, and its version. */
function ProcedureFacts({ procedure: p }: { procedure: ProcedureView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const b = p.body;
  return (
    <dl className="facts procedure-meta">
      <div><dt>{t('procedures.owner')}</dt><dd>{b.owner}</dd></div>
      <div><dt>{t('procedures.forRoles')}</dt><dd>{b.roles.map((r) => t(`procedures.roles.${r}`)).join(', ')}</dd></div>
      <div><dt>{t('procedures.units')}</dt><dd>{b.units === 'all' ? t('procedures.allWards') : b.units.join(', ')}</dd></div>
      <div><dt>{t('procedures.reviewed')}</dt><dd>{f.date(b.reviewedAt)}</dd></div>
      <div><dt>{t('procedures.nextReview')}</dt><dd>{f.date(b.nextReviewAt)}</dd></div>
      <div>
        <dt>{t('procedures.version', { n: p.versionCount })}</dt>
        <dd>{p.updatedBy.name}, <Timestamp iso={p.updatedAt} /></dd>
      </div>
    </dl>
  );
}

function ProcedureTags({ procedure: p, other, overdue }: { procedure: ProcedureView; other: ProcedureView | undefined; overdue: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="tag-row">
      <span className="tag">{t(`procedures.categories.${p.body.category}`)}</span>
      {overdue && (
        <span className="badge badge--overdue"><WarningIcon /> {t('procedures.overdue', { date: f.date(p.body.nextReviewAt) })}</span>
      )}
      {p.conflicted && <span className="badge badge--conflict">{t('procedures.conflicted')}</span>}
      {other && (
        <Link to={`/procedures/${other.docId}`} className="button button--quiet" lang={other.body.lang}>
          {t(`procedures.readIn.${other.body.lang}`)}
        </Link>
      )}
    </div>
  );
}
