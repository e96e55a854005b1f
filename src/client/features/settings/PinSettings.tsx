// Her PIN on this tablet: set after a full sign-in, with her password typed again.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { setMyPin } from '../../data';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/fields';
import { useSubmit } from '../../ui/useSubmit';
import { loginErrorText } from '../login/login-errors';

export function PinSettings({ hasPin }: { hasPin: boolean }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const { busy, message, onSubmit } = useSubmit();
  const submit = onSubmit({
    run: async () => {
      await setMyPin(password, pin);
      return t('sessions.pinSaved');
    },
    failed: (err) => loginErrorText(t, err),
    always: () => {
      setPassword('');
      setPin('');
    },
  });

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
