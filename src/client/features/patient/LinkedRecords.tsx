// On a real patient's page: what was written under temporary numbers now linked to her, one block
// per number, each headed by that number, so nobody takes it for something written under her own
// IPP. On a temporary patient's page: where her documents now show.
import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import { Link } from '../../ui/router';
import { titleOf } from '../../../domain/questionnaire';
import { useLinkedRecords, useLinkOf } from '../../data';
import { useFormat } from '../../i18n';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { NoteCard } from '../notes/NoteCard';

export function LinkedRecords({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const nameOf = useAuthorName();
  const f = useFormat();
  const blocks = useLinkedRecords(patientId);
  if (!blocks || blocks.length === 0) return null;
  return blocks.map(({ link, notes, forms }) => (
    <section key={link.docId} className="linked-records" aria-labelledby={`linked-${link.docId}`}>
      <h2 id={`linked-${link.docId}`}>{t('recovery.link.writtenUnderTitle', { ipp: link.body.merged.ipp, name: link.body.merged.name })}</h2>
      <p className="muted">{t('recovery.link.linkedBy', { by: link.linkedBy.name, at: f.dateTime(link.linkedBy.at) })}</p>
      {notes.map((n) => <NoteCard key={n.doc.docId} view={n} />)}
      {forms.length > 0 && (
        <ul className="form-list">
          {forms.map((form) => {
            const last = form.doc.history[form.doc.history.length - 1];
            return (
              <li key={form.doc.docId}>
                <Link className="form-link" to={`/patient/${encodeURIComponent(link.body.merged.patientId)}/form/${encodeURIComponent(form.doc.docId)}`}>
                  <span className="form-link-title">{form.template ? titleOf(form.template.template, i18n.language) : form.response?.questionnaire}</span>
                  {last && <span className="form-link-meta">{t('forms.writtenBy', { name: nameOf(last.author) })}, <Timestamp iso={last.createdAt} /></span>}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  ));
}

export function LinkedAway({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const link = useLinkOf(patientId);
  if (!link) return null;
  return (
    <Notice kind="info" live={false}>
      {t('recovery.link.nowShowsUnder', { name: link.body.into.name, ipp: link.body.into.ipp })}{' '}
      <Link to={`/patient/${encodeURIComponent(link.body.into.patientId)}`}>{t('recovery.link.openReal')}</Link>
    </Notice>
  );
}
