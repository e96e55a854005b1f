// The last sync failure is stored as a code (the server's `error`, `http_<status>`, or
// 'storage_full'): the screens put it in the nurse's words and keep the code for the support call.
import type { TFunction } from '../../i18n';

const KNOWN = {
  storage_full: 'storageFull',
  unauthorized: 'unauthorized',
  device_revoked: 'deviceRevoked',
  invalid_request: 'refused',
  malformed_json: 'refused',
  payload_too_large: 'refused',
  unsupported_media_type: 'refused',
  not_found: 'refused',
  internal_error: 'server',
} as const;

export function syncErrorText(code: string, t: TFunction): string {
  const key = KNOWN[code as keyof typeof KNOWN] ?? (/^http_5\d\d$/.test(code) ? 'server' : 'other');
  return t(`syncError.${key}`, { code });
}
