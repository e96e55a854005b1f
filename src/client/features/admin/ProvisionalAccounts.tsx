// The accounts charge nurses enrolled offline (issue 9 §3), for an admin back online: who she
// is, who vouched for her, where and when, how much she wrote, and what was decided. A pending
// one is linked to an account, given one, or refused (ProvisionalDecision); the list is the
// server's, so the screen needs the network.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { useProvisionalAccounts, type ProvisionalAccountView } from '../../data';
import { useFormat } from '../../i18n';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { OnlineAnswerNotice } from './OnlineAnswerNotice';
import { ProvisionalDecision, roleName, type Outcome } from './ProvisionalDecision';

function StatusLine({ account, accountName }: { account: ProvisionalAccountView; accountName: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (account.status === 'pending') return <p><span className="badge badge--pending">{t('provisional.status.pending')}</span></p>;
  return (
    <p>
      <strong>{account.status === 'linked' ? t('provisional.status.linked', { account: accountName }) : t('provisional.status.refused', { reason: account.reason ?? '' })}</strong>
      {account.decidedAt && <><br /><span className="byline">{t('provisional.decidedBy', { by: account.decidedBy ?? '', at: f.dateTime(account.decidedAt) })}</span></>}
    </p>
  );
}

function AccountCard({ account, accountName, children }: { account: ProvisionalAccountView; accountName: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const headingId = `prov-${account.id}`;
  return (
    <li className="provisional-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{account.name} <span className="provisional-role">({roleName(t, account.role)})</span></h3>
      <p>
        {t('provisional.enrolled', { by: account.enrolledBy, unit: account.unit, at: f.dateTime(account.enrolledAt) })}
        <br /><span className="byline">{t('provisional.details', { username: account.username, device: account.deviceId })}</span>
        <br /><strong>{t('provisional.entries', { count: account.entries })}</strong>
      </p>
      <StatusLine account={account} accountName={accountName} />
      {children}
    </li>
  );
}

export function ProvisionalAccounts() {
  const { t } = useTranslation();
  usePageTitle(t('provisional.title'));
  const list = useProvisionalAccounts();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const settled = (o: Outcome) => {
    setOutcome(o);
    // Decided or not, the list is read again: after a 409 it shows what the other desk decided.
    if (list.state === 'ready') list.reload();
  };
  const answer = list.state === 'ready' ? list.answer : null;
  const nameOf = (username: string | null) => answer?.linkable.find((a) => a.username === username)?.name ?? username ?? '';
  const pending = answer?.accounts.filter((a) => a.status === 'pending') ?? [];
  const decided = answer?.accounts.filter((a) => a.status !== 'pending') ?? [];
  return (
    <section className="page">
      <h1>{t('provisional.title')}</h1>
      <Notice kind="info" live={false}>{t('provisional.what')}</Notice>
      {outcome && <Notice kind={outcome.ok ? 'success' : 'warning'} className="provisional-outcome">{outcome.say(t)}</Notice>}
      <OnlineAnswerNotice answer={list} />
      {answer && answer.accounts.length === 0 && <p>{t('provisional.none')}</p>}
      {pending.length > 0 && (
        <section aria-labelledby="prov-pending" className="admin-section">
          <h2 id="prov-pending">{t('provisional.pendingTitle', { count: pending.length })}</h2>
          <ul className="provisional-list">
            {pending.map((a) => (
              <AccountCard key={a.id} account={a} accountName={nameOf(a.linkedTo)}>
                <ProvisionalDecision account={a} linkable={answer?.linkable ?? []} onSettled={settled} />
              </AccountCard>
            ))}
          </ul>
        </section>
      )}
      {decided.length > 0 && (
        <section aria-labelledby="prov-decided" className="admin-section">
          <h2 id="prov-decided">{t('provisional.decidedTitle', { count: decided.length })}</h2>
          <ul className="provisional-list">
            {decided.map((a) => <AccountCard key={a.id} account={a} accountName={nameOf(a.linkedTo)} />)}
          </ul>
        </section>
      )}
    </section>
  );
}
