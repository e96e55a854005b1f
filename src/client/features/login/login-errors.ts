// One sentence per reason a sign-in or an unlock failed, in the ward's words.
import type { TFunction } from '../../i18n';
import { LoginError } from '../../data';
import { errorMessage } from '../../ui/write-errors';

export function loginErrorText(t: TFunction, err: unknown): string {
  if (!(err instanceof LoginError)) return t('login.unknownError', { message: errorMessage(err, t('errors.unknown')) });
  const left = err.remaining ?? 0;
  switch (err.code) {
    case 'invalid_credentials': return t('login.invalidCredentials');
    case 'device_revoked': return t('login.deviceRevoked');
    case 'too_many_attempts': return t('login.tooManyAttempts');
    case 'offline': return t('login.offline');
    case 'not_enrolled': return t('sessions.notEnrolled');
    case 'locked_out': return t('sessions.lockedOut');
    case 'wrong_password': return t('sessions.wrongPassword', { count: left });
    case 'wrong_pin': return t('sessions.wrongPin', { count: left });
    case 'pin_disabled': return t('sessions.pinDisabled');
    case 'no_pin': return t('sessions.noPin');
    case 'bad_pin': return t('sessions.badPin');
    case 'data_key_unavailable': return t('sessions.dataKeyUnavailable');
    default: return t('login.server');
  }
}
