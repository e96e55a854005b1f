// Addenda under a form: free-text complements, and the receiving nurse's synthesis, labelled as
// such, since it is what confirms a handover.
import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import type { Annotation } from '../../../domain/project';
import { isReceiverSynthesis } from '../../../domain/schemas/form';
import { CheckIcon } from '../../ui/icons';
import { EntryByline } from '../../ui/EntryByline';
import { addendumText } from '../../../domain/schemas/annotation';

export function FormAddenda({ addenda }: { addenda: readonly Annotation[] }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  if (addenda.length === 0) return null;
  return (
    <section className="addenda">
      <h3 className="addenda-title">{t('forms.addenda')}</h3>
      <ul>
        {addenda.map((a) => {
          const receiver = isReceiverSynthesis(a.body);
          const text = addendumText(a.body);
          return (
            <li key={a.entryId} className={receiver ? 'addendum addendum--receiver' : 'addendum'}>
              {receiver && (
                <p className="addendum-kind">
                  <CheckIcon /> {t('handover.synthesisBy', { name: nameOf(a.author) })}
                </p>
              )}
              <p className="addendum-text">{text}</p>
              <EntryByline who={nameOf(a.author)} iso={a.createdAt} authorId={a.author.userId} deviceId={a.deviceId} flags={a.flags} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
