// A rejection reason as the screens show it: the server's own words, or the tablet's for an
// entry no push can carry ("trop volumineuse"), which only has a code.
import type { TFunction } from '../i18n';
import { ENTRY_TOO_LARGE } from '../../domain/protocol';

export const rejectedReasonText = (reason: string, t: TFunction): string => (reason === ENTRY_TOO_LARGE ? t('sync.tooLarge') : reason);
