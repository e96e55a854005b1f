// Her PIN on this tablet: set after a full sign-in, with her password typed again.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setMyPin } from '../../data';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/fields';
import { loginErrorText } from '../login/login-errors';

export function PinSettings({ hasPin }: { hasPin: boolean }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await setMyPin(password, pin);
      setMessage({ ok: true, text: t('sessions.pinSaved') });
    } catch (err) {
      setMessage({ ok: false, text: loginErrorText(t, err) });
    } finally {
      setPassword('');
      setPin('');
      setBusy(false);
    }
  }

  return (
    <div className="pin-settings">
      <h2>{t('sessions.pinSection')}</h2>
      <p className="field-hint">{t('sessions.pinHelp')}</p>
      <p>{hasPin ? t('sessions.pinIsSet') : t('sessions.pinNotSet')}</p>
      {message && <Notice kind={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('sessions.currentPassword')} name="pin-password" type="password" autoComplete="current-password"
          value={password} onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label={t('sessions.newPin')} name="new-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8}
          value={pin} onChange={(e) => setPin(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('sessions.savePin')}
        </button>
      </form>
    </div>
  );
}
