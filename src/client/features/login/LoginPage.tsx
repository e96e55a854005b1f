// Sign-in on a shared tablet. Online, the server checks the password and the tablet enrols her;
// offline, a person who signed in here before is checked by the tablet itself (her password, or
// her PIN if she set one). The error says which situation we are in and what to do.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import { Navigate, useLocation, useNavigate } from '../../ui/router';
import { login, loginWithPin, useSession, useSyncStatus } from '../../data';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { loginErrorText } from './login-errors';

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const { user, loading, locked } = useSession();
  const { waitingForSignIn } = useSyncStatus();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;

  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [withPin, setWithPin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (loading) return <Loading />;
  // Signed in from here: submit chose where to go, and the session arriving late must not undo it.
  if (done) return null;
  // A locked session is someone else's: this page is where another person signs in.
  if (user && !locked && !busy) return <Navigate to={from ?? '/'} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !secret) return setError(t('login.missing'));
    setBusy(true);
    setError(null);
    try {
      const { samePersonAsBefore } = await (withPin ? loginWithPin : login)(username.trim(), secret);
      setDone(true);
      // A shared tablet: the page left open may be the previous person's patient. Only the same
      // person goes back to it; anyone else starts from the home screen.
      navigate(samePersonAsBefore ? (from ?? '/') : '/', { replace: true });
    } catch (err) {
      setError(loginErrorText(t, err));
      setSecret('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page page--narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {waitingForSignIn.length > 0 && (
        <Notice kind="warning">{t('login.waitingForSignIn', { names: waitingForSignIn.join(', ') })}</Notice>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('login.username')} name="username" autoComplete="username" autoCapitalize="none" autoCorrect="off"
          spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)}
        />
        {withPin ? (
          <TextField
            label={t('sessions.pin')} name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8}
            required value={secret} onChange={(e) => setSecret(e.target.value)}
          />
        ) : (
          <TextField
            label={t('login.password')} name="password" type="password" autoComplete="current-password"
            required value={secret} onChange={(e) => setSecret(e.target.value)}
          />
        )}
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <div className="button-row">
        <button type="button" className="button" onClick={() => { setWithPin(!withPin); setSecret(''); setError(null); }}>
          {withPin ? t('sessions.usePassword') : t('sessions.usePin')}
        </button>
      </div>
    </section>
  );
}
