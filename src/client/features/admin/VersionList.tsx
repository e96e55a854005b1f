import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import type { DocState } from '../../../domain/project';
import { Timestamp } from '../../ui/Timestamp';

/** Every saved version of a reference document, with its author: nothing is edited in place. */
export function VersionList({ doc }: { doc: DocState }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('admin.versions')}</h2>
      <ol className="version-list">
        {doc.history.map((v, i) => (
          <li key={v.entryId}>
            {t('admin.versionLine', { n: i + 1, kind: t(`admin.kind.${v.kind as 'create' | 'amend' | 'resolve'}`), name: nameOf(v.author) })},{' '}
            <Timestamp iso={v.createdAt} />
          </li>
        ))}
      </ol>
    </section>
  );
}
