// One call tree: the calls in order, each with the contact's numbers, and the button that
// starts a run on the ward, where each call is ticked "reached" with who and when.
import { useTranslation } from '../../i18n';
import { Link, useNavigate, useParams } from '../../ui/router';
import { startCallTreeRun, useCallTree, useChecklistRuns, useContacts } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { useWriteAction } from '../../ui/useWriteAction';
import { useActiveWard } from '../downtime/active-ward';
import { ListAsOf } from '../downtime/AsOf';
import { RunSummary } from '../procedures/ChecklistRunList';
import { DirectoryTabs } from './DirectoryTabs';
import { PhoneLinks } from './PhoneLinks';

export function CallTreePage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const tree = useCallTree(id);
  const contacts = useContacts();
  const ward = useActiveWard();
  const runs = useChecklistRuns(ward?.code ?? null);
  const navigate = useNavigate();
  const { run, busy, error } = useWriteAction();
  usePageTitle(tree ? tree.body.title : t('directory.callTrees'));

  if (tree === undefined || contacts === undefined || ward === undefined) return <Loading />;
  if (tree === null)
    return (
      <section className="page">
        <Notice kind="error">{t('directory.callTreeNotFound')}</Notice>
        <Link to="/directory/call-trees" className="button">{t('directory.callTrees')}</Link>
      </section>
    );
  const byId = new Map(contacts.map((c) => [c.docId, c]));
  const mine = (runs ?? []).filter((r) => r.body.source === 'calltree' && r.body.callTreeId === tree.docId);

  async function start() {
    if (!ward || !tree) return;
    let runId = '';
    if (await run(async () => void (runId = await startCallTreeRun(tree, contacts ?? [], ward.code)))) navigate(`/checklists/${runId}`);
  }

  return (
    <section className="page" lang={tree.body.lang}>
      <h1>{tree.body.title}</h1>
      <DirectoryTabs />
      <ListAsOf />
      <p>{tree.body.summary}</p>
      {ward && (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void start()}>
            {t('directory.startRun', { unit: ward.code })}
          </button>
        </div>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {mine.length > 0 && (
        <>
          <h2>{t('directory.runsHere', { unit: ward?.code ?? '' })}</h2>
          <ul className="card-list">{mine.map((r) => <li key={r.doc.docId}><RunSummary run={r} /></li>)}</ul>
        </>
      )}
      <h2>{t('directory.callOrder')}</h2>
      <ol className="call-steps">
        {tree.body.steps.map((s, i) => {
          const c = byId.get(s.contactId);
          return (
            <li key={i} className="call-step">
              <h3 className="call-step-who">{c ? c.body.name : t('directory.contactMissing')}</h3>
              <p className="call-step-action">{s.action}</p>
              {c && <PhoneLinks phones={c.body.phones} compact />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
