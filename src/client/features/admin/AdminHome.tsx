// The crisis cell's reference content: procedures, directory, wards and call trees, each with
// its latest version and author. Editing needs the network (see data/reference-admin.ts).
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import type { UnitBody } from '../../../domain/schemas';
import type { ProcedureBody } from '../../../domain/schemas/procedure';
import type { ContactBody } from '../../../domain/schemas/contact';
import type { CallTreeBody } from '../../../domain/schemas/calltree';
import { useReference, type ReferenceView } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { usePageTitle } from '../../ui/usePageTitle';
import { ListAsOf } from '../downtime/AsOf';

function Section<T>({ id, title, newLabel, items, path, name }: {
  id: string; title: string; newLabel: string; items: ReferenceView<T>[] | undefined; path: string; name: (b: T) => string;
}) {
  const { t } = useTranslation();
  const sorted = items && [...items].sort((a, b) => name(a.body).localeCompare(name(b.body), 'fr', { numeric: true }));
  return (
    <section aria-labelledby={id} className="admin-section">
      <div className="section-header">
        <h2 id={id}>{title}</h2>
        <Link to={`/admin/${path}/new`} className="button button--primary">{newLabel}</Link>
      </div>
      {sorted === undefined ? <Loading /> : (
        <ul className="admin-list">
          {sorted.map((v) => (
            <li key={v.docId}>
              <Link to={`/admin/${path}/${v.docId}`} className="admin-item">
                <span className="admin-item-name">{name(v.body)}</span>
                <span className="byline">
                  {t('admin.current', { n: v.versionCount, name: v.updatedBy.name })}, <Timestamp iso={v.updatedAt} />
                  {v.conflicted && <> · <span className="badge badge--conflict">{t('admin.conflictBadge')}</span></>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AdminHome() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const procedures = useReference<ProcedureBody>('procedure');
  const contacts = useReference<ContactBody>('contact');
  const units = useReference<UnitBody>('unit');
  const trees = useReference<CallTreeBody>('calltree');
  return (
    <section className="page">
      <h1>{t('admin.title')}</h1>
      <ListAsOf />
      <Notice kind="info" live={false}>{t('admin.onlineOnly')}</Notice>
      <p className="button-row">
        <Link to="/admin/provisional" className="button">{t('provisional.nav')}</Link>
        <Link to="/admin/his-wards" className="button">{t('his.kept.nav')}</Link>
      </p>
      <Section id="adm-proc" title={t('admin.procedures')} newLabel={t('admin.newProcedure')} items={procedures} path="procedure"
        name={(b: ProcedureBody) => `${b.code ? `${b.code} ` : ''}${b.title} (${b.lang})`} />
      <Section id="adm-contacts" title={t('admin.contacts')} newLabel={t('admin.newContact')} items={contacts} path="contact" name={(b: ContactBody) => b.name} />
      <Section id="adm-units" title={t('admin.units')} newLabel={t('admin.newUnit')} items={units} path="unit" name={(b: UnitBody) => `${b.code} · ${b.name}`} />
      <Section id="adm-trees" title={t('admin.callTrees')} newLabel={t('admin.newCallTree')} items={trees} path="calltree"
        name={(b: CallTreeBody) => `${b.title} (${b.lang})`} />
    </section>
  );
}
