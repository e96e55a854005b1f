// Who wrote an entry, when (device clock, shown, never used to order), and on which tablet:
// the same line under every version, addendum and confirmation.
import { useTranslation } from 'react-i18next';
import { Timestamp, shortDeviceId } from './Timestamp';

export function EntryByline({ who, iso, deviceId }: { who: string; iso: string; deviceId: string }) {
  const { t } = useTranslation();
  return (
    <p className="byline">
      {who}, <Timestamp iso={iso} /> · {t('notes.device', { id: shortDeviceId(deviceId) })}
    </p>
  );
}
