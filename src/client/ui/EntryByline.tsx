// Who wrote an entry, when (device clock, shown, never used to order), and on which tablet:
// the same line under every version, addendum and confirmation.
import { useTranslation } from 'react-i18next';
import type { EntryFlag } from '../../domain/entry';
import { Timestamp, shortDeviceId } from './Timestamp';

export function EntryByline({ who, iso, deviceId, flags }: { who: string; iso: string; deviceId: string; flags?: readonly EntryFlag[] | undefined }) {
  const { t } = useTranslation();
  return (
    <p className="byline">
      {who}, <Timestamp iso={iso} /> · {t('notes.device', { id: shortDeviceId(deviceId) })}
      {/* What the server noticed when it accepted the entry: kept, but a person should look. */}
      {flags?.map((flag) => (
        <span key={flag} className="byline-flag">
          {' '}· ⚠ {t(`notes.flag.${flag}`)}
        </span>
      ))}
    </p>
  );
}
