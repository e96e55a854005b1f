// "Who is on call": the on-call and duty roles of the hospital, grouped by service. Names
// change with every rota; the numbers belong to the role, which is what the ward dials.
import { useTranslation } from '../../i18n';
import { useContacts } from '../../data';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ListAsOf } from '../downtime/AsOf';
import { ContactGroups } from './DirectoryPage';
import { DirectoryTabs } from './DirectoryTabs';

export function OnCallPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.onCallTitle'));
  const contacts = useContacts();
  if (contacts === undefined) return <Loading />;
  const onCall = contacts.filter((c) => c.body.onCall);
  return (
    <section className="page">
      <h1>{t('directory.onCallTitle')}</h1>
      <DirectoryTabs />
      <ListAsOf />
      <p>{t('directory.onCallHint')}</p>
      {onCall.length === 0 ? <p className="empty">{t('directory.none')}</p> : <ContactGroups contacts={onCall} />}
    </section>
  );
}
