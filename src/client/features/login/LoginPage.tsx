// Sign-in. It needs the network once per tablet and user; after that the session is kept on the
// device and the app works offline. The error says which of those situations we are in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { login, LoginError, useSession, useSyncStatus, type LoginErrorCode } from '../../data';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { errorMessage } from '../../ui/write-errors';

function codeOf(err: unknown): LoginErrorCode | null {
  return err instanceof LoginError ? err.code : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const { user, loading } = useSession();
  const { waitingForSignIn } = useSyncStatus();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (loading) return <Loading />;
  if (user && !busy) return <Navigate to={from ?? '/'} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { samePersonAsBefore } = await login(username.trim(), password);
      // A shared tablet: the page left open may be the previous person's patient. Only the same
      // person goes back to it; anyone else starts from the home screen.
      navigate(samePersonAsBefore ? (from ?? '/') : '/', { replace: true });
    } catch (err) {
      const code = codeOf(err);
      if (code === 'invalid_credentials') setError(t('login.invalidCredentials'));
      else if (code === 'device_revoked') setError(t('login.deviceRevoked'));
      else if (code === 'too_many_attempts') setError(t('login.tooManyAttempts'));
      else if (code === 'offline') setError(t('login.offline'));
      else if (code === 'server') setError(t('login.server'));
      else setError(t('login.unknownError', { message: errorMessage(err, t('errors.unknown')) }));
      setPassword('');
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
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
