// An admin's decision on one account enrolled offline: link it to an existing account (picked
// from a searchable list, never typed), create its account, or refuse it with a reason. Before
// the server is asked, a confirmation says in words what will happen to what she wrote; after,
// the page says what happened, or why nothing did.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import type { TFunction } from '../../i18n';
import {
  decideProvisional, decisionInputProblem, DecisionError, matchingAccounts,
  type LinkableAccount, type ProvisionalAccountView, type ProvisionalDecision as Decision,
} from '../../data';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SearchField, TextArea, TextField } from '../../ui/fields';

/** What happened, said in the language shown when it is read (the admin may switch after). */
export interface Outcome {
  ok: boolean;
  say: (t: TFunction) => string;
}

type Action = Decision['action'];

const ROLES = ['nurse', 'charge', 'admin'] as const;

/** A role as the header names it; an unknown one as it is. */
export function roleName(t: TFunction, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? t(`header.role.${role as (typeof ROLES)[number]}`) : role;
}

/** What a decision will do (confirm) or did (done), in words. */
function sentence(t: TFunction, kind: 'confirm' | 'done', a: ProvisionalAccountView, d: Decision, accountName: string): string {
  const words = { name: a.name, by: a.enrolledBy, entries: t('provisional.entries', { count: a.entries }) };
  if (d.action === 'link') return t(`provisional.${kind}.link`, { ...words, account: accountName });
  if (d.action === 'create') return t(`provisional.${kind}.create`, { ...words, username: d.username, role: roleName(t, a.role), unit: a.unit });
  return t(`provisional.${kind}.refuse`, { ...words, reason: d.reason.trim() });
}

function AccountPicker({ linkable, chosen, onChoose, error }: { linkable: readonly LinkableAccount[]; chosen: string; onChoose: (u: string) => void; error: string | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const shown = matchingAccounts(linkable, search);
  return (
    <>
      <SearchField label={t('provisional.search')} value={search} onChange={setSearch} />
      <fieldset className={error ? 'choice-group provisional-accounts field--invalid' : 'choice-group provisional-accounts'}>
        <legend className="field-label">{t('provisional.accounts')}</legend>
        {error && <p className="field-error">{error}</p>}
        {shown.length === 0 && <p>{t('provisional.noMatch')}</p>}
        {shown.map((a) => (
          <label key={a.username} className="choice-option">
            <input type="radio" name="provisional-account" value={a.username} checked={chosen === a.username} onChange={() => onChoose(a.username)} />
            {t('provisional.account', { name: a.name, username: a.username, role: roleName(t, a.role), units: a.units.join(', ') })}
          </label>
        ))}
      </fieldset>
    </>
  );
}

const PROBLEM_TEXT: Record<'username' | 'password' | 'reason', 'provisional.badUsername' | 'provisional.shortPassword' | 'provisional.needReason'> = {
  username: 'provisional.badUsername', password: 'provisional.shortPassword', reason: 'provisional.needReason',
};

export function ProvisionalDecision({ account, linkable, onSettled }: { account: ProvisionalAccountView; linkable: readonly LinkableAccount[]; onSettled: (o: Outcome) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [fields, setFields] = useState({ chosen: '', username: account.username, password: '', reason: '' });
  const [problem, setProblem] = useState<'username' | 'password' | 'reason' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof fields) => (v: string) => setFields((f) => ({ ...f, [k]: v }));
  const decision: Decision | null = action === 'link' ? { action, username: fields.chosen }
    : action === 'create' ? { action, username: fields.username.trim(), password: fields.password }
    : action === 'refuse' ? { action, reason: fields.reason } : null;
  const accountName = linkable.find((a) => a.username === fields.chosen)?.name ?? fields.chosen;

  function next(e: FormEvent) {
    e.preventDefault();
    if (!decision) return;
    const wrong = decision.action === 'link' && !decision.username ? 'username' : decisionInputProblem(decision);
    setProblem(wrong);
    if (!wrong) setConfirming(true);
  }
  async function confirm() {
    if (!decision) return;
    setBusy(true);
    try {
      const now = await decideProvisional(account.id, decision);
      onSettled({ ok: true, say: (tr) => sentence(tr, 'done', now, decision, accountName) });
    } catch (err) {
      const p = err instanceof DecisionError ? err : new DecisionError('failed', String(err));
      const username = decision.action === 'refuse' ? '' : decision.username;
      onSettled({ ok: false, say: (tr) => tr(`provisional.problem.${p.problem}`, { name: account.name, username, reason: p.reason }) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }
  return (
    <div className="provisional-decision">
      <div className="button-row" role="group" aria-label={t('provisional.actionsFor', { name: account.name })}>
        {(['link', 'create', 'refuse'] as const).map((a) => (
          <button key={a} type="button" aria-pressed={action === a} className={a === 'refuse' ? 'button button--danger-quiet' : 'button'}
            onClick={() => { setAction(a); setProblem(null); }}>{t(`provisional.action.${a}`)}</button>
        ))}
      </div>
      {action && (
        <form className="provisional-form" onSubmit={next} noValidate aria-label={t(`provisional.action.${action}`)}>
          {action === 'link' && <AccountPicker linkable={linkable} chosen={fields.chosen} onChoose={set('chosen')} error={problem ? t('provisional.chooseAccount') : null} />}
          {action === 'create' && (
            <>
              <TextField label={t('provisional.newUsername')} hint={t('provisional.newUsernameHint')} value={fields.username} onChange={(e) => set('username')(e.target.value)}
                autoComplete="off" autoCapitalize="none" spellCheck={false} error={problem === 'username' ? t(PROBLEM_TEXT.username) : null} />
              <TextField label={t('provisional.newPassword')} type="password" autoComplete="new-password" value={fields.password} onChange={(e) => set('password')(e.target.value)}
                error={problem === 'password' ? t(PROBLEM_TEXT.password) : null} />
            </>
          )}
          {action === 'refuse' && <TextArea label={t('provisional.reason')} value={fields.reason} onChange={(e) => set('reason')(e.target.value)} rows={2} maxLength={500}
            error={problem === 'reason' ? t(PROBLEM_TEXT.reason) : null} />}
          <div className="button-row">
            <button type="button" className="button" onClick={() => setAction(null)}>{t('provisional.cancel')}</button>
            <button type="submit" className="button button--primary">{t('provisional.next')}</button>
          </div>
        </form>
      )}
      {decision && (
        <ConfirmDialog open={confirming} title={t(`provisional.confirmTitle.${decision.action}`, { name: account.name })} busy={busy}
          confirmLabel={t(`provisional.confirmButton.${decision.action}`)} cancelLabel={t('provisional.cancel')} danger={decision.action === 'refuse'}
          onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
          <p>{sentence(t, 'confirm', account, decision, accountName)}</p>
          <p>{t('provisional.confirm.final')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
