import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import type { Annotation } from '../../../domain/project';
import { EntryByline } from '../../ui/EntryByline';
import { addendumText } from '../../../domain/schemas/annotation';

/** Addenda under their note, in the projection's order (by id), never re-sorted by device clocks. */
export function Addenda({ addenda }: { addenda: readonly Annotation[] }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  if (addenda.length === 0) return null;
  return (
    <section className="addenda">
      <h4 className="addenda-title">{t('notes.addenda')}</h4>
      <ul>
        {addenda.map((a) => (
          <li key={a.entryId} className="addendum">
            <p className="addendum-text">{addendumText(a.body)}</p>
            <EntryByline who={nameOf(a.author)} iso={a.createdAt} authorId={a.author.userId} deviceId={a.deviceId} flags={a.flags} />
          </li>
        ))}
      </ul>
    </section>
  );
}
