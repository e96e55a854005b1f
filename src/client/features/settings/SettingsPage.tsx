// Settings of this tablet: language, storage (ask the browser to keep our data, and how much is
// used), the device id the recovery team may ask for, and signing out.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Link, useNavigate } from '../../ui/router';
import { signOut as endSession, useMyDraftPending, useDeviceId, useSession, useSyncStatus } from '../../data';
import { LanguageSwitch } from './LanguageSwitch';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { errorMessage } from '../../ui/write-errors';
import { useSubmit } from '../../ui/useSubmit';
import { StorageSettings } from './StorageSettings';
import { PinSettings } from './PinSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const { user, hasPin } = useSession();
  const deviceId = useDeviceId();
  const status = useSyncStatus();
  const dirty = useMyDraftPending();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { busy, message, onSubmit } = useSubmit();
  const signOut = onSubmit({
    run: async () => {
      await endSession();
      navigate('/login', { replace: true });
      return null;
    },
    failed: (err) => errorMessage(err, t('errors.unknown')),
    always: () => setConfirming(false),
  });

  return (
    <section className="page page--narrow">
      <h1>{t('settings.title')}</h1>

      <h2>{t('settings.language')}</h2>
      <LanguageSwitch />
      <p className="field-hint">{t('settings.languageHelp')}</p>

      <StorageSettings />

      <h2>{t('settings.device')}</h2>
      <p className="mono">{deviceId ?? '…'}</p>

      <h2>{t('settings.account')}</h2>
      {user && (
        <p>
          {user.name} ({t(`header.role.${user.role}`)})
        </p>
      )}
      <PinSettings hasPin={hasPin} />
      {user && !user.enrolledBy && (user.role === 'charge' || user.role === 'admin') && (
        <p><Link className="button" to="/enrol">{t('enrol.link')}</Link></p>
      )}
      {message && !message.ok && <Notice kind="error">{message.text}</Notice>}
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t('settings.signOut')}
      </button>

      <ConfirmDialog
        open={confirming}
        title={t('settings.signOutConfirmTitle')}
        confirmLabel={t('settings.signOutConfirm')}
        cancelLabel={t('settings.signOutCancel')}
        danger
        busy={busy}
        onConfirm={() => signOut()}
        onCancel={() => setConfirming(false)}
      >
        {status.pending > 0 && <p className="warning-text">{t('settings.signOutPending', { count: status.pending })}</p>}
        {dirty && <p className="warning-text">{t('settings.signOutDraft')}</p>}
        {status.online === false && <p className="warning-text">{t('settings.signOutOffline')}</p>}
      </ConfirmDialog>
    </section>
  );
}
