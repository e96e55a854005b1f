import { useCallback, useRef, useState } from 'react';
import { useTranslation } from '../i18n';
import { errorMessage, reportWriteError } from './write-errors';

/**
 * Runs one save at a time and tells the truth about it: `error` says the write did NOT happen,
 * `done` is set only after the data layer resolved (the entry is committed on the device).
 */
export function useWriteAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async (write: () => Promise<void>): Promise<boolean> => {
      // A gloved double tap must not write the entry twice.
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await write();
        return true;
      } catch (err) {
        console.error(err);
        if (reportWriteError(err)) setError(t('errors.storageFullNotSaved'));
        else setError(t('errors.notSaved', { message: errorMessage(err, t('errors.unknown')) }));
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t],
  );

  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
