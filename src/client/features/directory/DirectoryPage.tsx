// The directory that replaces the switchboard: instant search across names, services and
// numbers, favourites of this tablet first, grouped by service.
import { useDeferredValue, useState } from 'react';
import { useTranslation } from '../../i18n';
import { matchesContact } from '../../../domain/downtime/library';
import { useContacts, useFavourites, type ContactView } from '../../data';
import { SearchField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { ListAsOf } from '../downtime/AsOf';
import { ContactCard } from './ContactCard';
import { DirectoryTabs } from './DirectoryTabs';

function groupByService(contacts: readonly ContactView[]): [string, ContactView[]][] {
  const groups = new Map<string, ContactView[]>();
  for (const c of contacts) groups.set(c.body.service, [...(groups.get(c.body.service) ?? []), c]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'fr'));
}

export function ContactGroups({ contacts }: { contacts: readonly ContactView[] }) {
  return (
    <>
      {groupByService(contacts).map(([service, list]) => (
        <section key={service} className="contact-group" aria-label={service}>
          <h2 className="contact-group-title">{service}</h2>
          <ul className="contact-list">{list.map((c) => <li key={c.docId}><ContactCard contact={c} /></li>)}</ul>
        </section>
      ))}
    </>
  );
}

export function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.title'));
  const contacts = useContacts();
  const favourites = useFavourites();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [onlyFavourites, setOnlyFavourites] = useState(false);

  if (contacts === undefined) return <Loading />;
  const matching = contacts.filter((c) => matchesContact(c.body, deferred));
  const starred = matching.filter((c) => favourites.has(c.docId));
  const rest = onlyFavourites ? [] : matching.filter((c) => !favourites.has(c.docId));

  return (
    <section className="page">
      <h1>{t('directory.title')}</h1>
      <DirectoryTabs />
      <ListAsOf />
      <div className="filters">
        <SearchField label={t('directory.search')} value={query} onChange={setQuery} />
        <label className="choice-option filters-toggle">
          <input type="checkbox" checked={onlyFavourites} onChange={(e) => setOnlyFavourites(e.target.checked)} />
          {t('directory.onlyFavourites')}
        </label>
      </div>
      {contacts.length === 0 ? (
        <Notice kind="info">{t('directory.none')}</Notice>
      ) : (
        <>
          <p className="ward-count" aria-live="polite">
            {matching.length === 0 ? t('directory.noMatch') : t('directory.count', { count: matching.length })}
          </p>
          {starred.length > 0 && (
            <section className="contact-group contact-group--favourites" aria-labelledby="fav-title">
              <h2 className="contact-group-title" id="fav-title">{t('directory.favourites')}</h2>
              <ul className="contact-list">{starred.map((c) => <li key={c.docId}><ContactCard contact={c} /></li>)}</ul>
            </section>
          )}
          {onlyFavourites && starred.length === 0 && <p className="empty">{t('directory.favouritesEmpty')}</p>}
          <ContactGroups contacts={rest} />
        </>
      )}
    </section>
  );
}
