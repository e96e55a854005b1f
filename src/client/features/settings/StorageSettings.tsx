import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { requestPersistentStorage, useStorageInfo } from '../../data';
import { useFormat } from '../../i18n';
import { Notice } from '../../ui/Notice';
import { errorMessage } from '../../ui/write-errors';
import { useSubmit } from '../../ui/useSubmit';

/**
 * The browser may evict an origin's data under storage pressure unless it was granted
 * persistence, and it only grants it on a user gesture: hence a button, and its answer shown.
 */
export function StorageSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const info = useStorageInfo();
  const [answer, setAnswer] = useState<boolean | null>(null);
  const { busy, message, onSubmit } = useSubmit();
  const ask = onSubmit({
    run: async () => {
      setAnswer(await requestPersistentStorage());
      return null;
    },
    failed: (err) => errorMessage(err, t('errors.unknown')),
  });

  return (
    <>
      <h2>{t('settings.storage')}</h2>
      <p>
        {info.persisted === null
          ? t('settings.persistUnknown')
          : info.persisted
            ? t('settings.persisted')
            : t('settings.notPersisted')}
      </p>
      {info.persisted !== true && (
        <button type="button" className="button button--primary" onClick={() => ask()} disabled={busy}>
          {t('settings.requestPersist')}
        </button>
      )}
      {answer !== null && (
        <Notice kind={answer ? 'success' : 'warning'}>{answer ? t('settings.persistGranted') : t('settings.persistDenied')}</Notice>
      )}
      {message && !message.ok && <Notice kind="error">{message.text}</Notice>}
      <p>
        {info.usage !== null && info.quota !== null
          ? t('settings.usage', { used: f.megabytes(info.usage), quota: f.megabytes(info.quota) })
          : t('settings.usageUnknown')}
      </p>
    </>
  );
}
