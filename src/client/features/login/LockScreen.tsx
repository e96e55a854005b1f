// The lock screen, shown in place of the page (RequireSession) so that unlocking brings her
// back to the very screen she was on, drafts intact. While it shows, the page under it is not
// rendered at all: no patient data is in the DOM.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import { useLocation, useNavigate } from '../../ui/router';
import { LoginError, unlockWithOwnPassword, unlockWithPinCode, type SessionState } from '../../data';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/fields';
import { usePageTitle } from '../../ui/usePageTitle';
import { loginErrorText } from './login-errors';

export function LockScreen({ session }: { session: SessionState }) {
  const { t } = useTranslation();
  usePageTitle(t('sessions.lockTitle'));
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [usePin, setUsePin] = useState(session.hasPin);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const user = session.user;
  if (!user) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!secret) return setError(t('sessions.missingSecret'));
    setBusy(true);
    setError(null);
    try {
      await (usePin ? unlockWithPinCode(secret) : unlockWithOwnPassword(secret));
    } catch (err) {
      setError(loginErrorText(t, err));
      setSecret('');
      // A PIN destroyed or never set: the password is the way left.
      if (err instanceof LoginError && (err.code === 'pin_disabled' || err.code === 'no_pin')) setUsePin(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('sessions.lockTitle')}</h1>
      <p className="lock-who">{t('sessions.lockedFor', { name: user.name, role: t(`header.role.${user.role}`) })}</p>
      <p>{t('sessions.lockIntro')}</p>
      {error && <Notice kind="error">{error}</Notice>}
      <form className="form" onSubmit={submit} noValidate>
        {usePin ? (
          <TextField
            label={t('sessions.pin')} name="pin" type="password" inputMode="numeric" autoComplete="off" pattern="[0-9]*"
            maxLength={8} value={secret} onChange={(e) => setSecret(e.target.value)}
          />
        ) : (
          <TextField
            label={t('login.password')} name="password" type="password" autoComplete="current-password"
            value={secret} onChange={(e) => setSecret(e.target.value)}
          />
        )}
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? t('sessions.unlocking') : t('sessions.unlock')}
        </button>
      </form>
      <div className="button-row">
        {session.hasPin && (
          <button type="button" className="button" onClick={() => { setUsePin(!usePin); setSecret(''); setError(null); }}>
            {usePin ? t('sessions.usePassword') : t('sessions.usePin')}
          </button>
        )}
        <button type="button" className="button" onClick={() => navigate('/login', { state: { from: pathname } })}>
          {t('sessions.otherPerson')}
        </button>
      </div>
    </section>
  );
}
