// What a revoked tablet shows after wiping itself: why, and how many unsent entries were lost.
import { useTranslation } from '../i18n';
import { useFormat } from '../i18n';
import { Notice } from '../ui/Notice';
import type { WipeRecordView } from '../data';

export function WipedScreen({ record }: { record: WipeRecordView }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <main className="page page--narrow wiped" id="main">
      <h1>{t('sessions.wipedTitle')}</h1>
      <p>{t('sessions.wipedWhy')}</p>
      <Notice kind={record.lost > 0 ? 'error' : 'info'}>
        {record.lost > 0 ? t('sessions.wipedLost', { count: record.lost }) : t('sessions.wipedNoneLost')}
      </Notice>
      <p>{t('sessions.wipedWhat')}</p>
      <p className="field-hint">{f.dateTime(record.at)}</p>
    </main>
  );
}
