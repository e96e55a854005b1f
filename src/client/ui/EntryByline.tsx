// Who wrote an entry, when (device clock, shown, never used to order), and on which tablet:
// the same line under every version, addendum and confirmation.
import type { TFunction } from '../i18n';
import { useTranslation } from '../i18n';
import type { EntryFlag } from '../../domain/entry';
import type { EnrolmentDecision } from '../../domain/provisional';
import { useProvisionalDecision } from './author-name';
import { Timestamp, shortDeviceId } from './Timestamp';

interface Props {
  who: string;
  iso: string;
  deviceId: string;
  flags?: readonly EntryFlag[] | undefined;
  /** The author's account: a provisional one's flag follows the admin's decision once known. */
  authorId?: string;
}

/**
 * The flags to show, in words. The server set them when it accepted the entry and they never
 * change: once the author's provisional account is linked, `who` names the real account and
 * "to be confirmed" is no longer true; once refused, the flag says so and why.
 */
export function flagTexts(t: TFunction, flags: readonly EntryFlag[] | undefined, decision: EnrolmentDecision | undefined): { flag: EntryFlag; text: string }[] {
  return (flags ?? []).flatMap((flag) => {
    if (flag !== 'author_provisional' || !decision) return [{ flag, text: t(`notes.flag.${flag}`) }];
    return decision.status === 'linked' ? [] : [{ flag, text: t('notes.flag.authorRefused', { reason: decision.reason }) }];
  });
}

export function EntryByline({ who, iso, deviceId, flags, authorId }: Props) {
  const { t } = useTranslation();
  const shown = flagTexts(t, flags, useProvisionalDecision(authorId));
  return (
    <p className="byline">
      {who}, <Timestamp iso={iso} /> · {t('notes.device', { id: shortDeviceId(deviceId) })}
      {/* What the server noticed when it accepted the entry: kept, but a person should look. */}
      {shown.map(({ flag, text }) => (
        <span key={flag} className="byline-flag">
          {' '}· ⚠ {text}
        </span>
      ))}
    </p>
  );
}
