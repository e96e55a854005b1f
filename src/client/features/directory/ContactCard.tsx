// One directory entry: who, what service, on call or not, every way to reach them, and a star
// to keep the ward's usual numbers at the top of this tablet.
import { useTranslation } from '../../i18n';
import { toggleFavourite, useFavourites, type ContactView } from '../../data';
import { PhoneLinks } from './PhoneLinks';

export function ContactCard({ contact }: { contact: ContactView }) {
  const { t } = useTranslation();
  const favourites = useFavourites();
  const c = contact.body;
  const starred = favourites.has(contact.docId);
  return (
    <article className="contact" aria-labelledby={`contact-${contact.docId}`}>
      <header className="contact-header">
        <div>
          <h3 className="contact-name" id={`contact-${contact.docId}`}>{c.name}</h3>
          <p className="contact-role">
            {c.role && c.role !== c.name && <>{c.role} · </>}
            {c.service}
          </p>
        </div>
        <div className="contact-flags">
          {c.onCall && <span className="badge badge--oncall">{t('directory.onCallBadge')}</span>}
          <button type="button" className="button button--quiet star" aria-pressed={starred} onClick={() => toggleFavourite(contact.docId)}>
            <span aria-hidden="true">{starred ? '★' : '☆'}</span>
            <span className="visually-hidden">{c.name} : </span>
            {starred ? t('directory.unfavourite') : t('directory.favourite')}
          </button>
        </div>
      </header>
      <PhoneLinks phones={c.phones} />
      {c.notes && <p className="contact-notes">{c.notes}</p>}
    </article>
  );
}
