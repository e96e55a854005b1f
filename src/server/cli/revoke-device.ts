// `revoke-device <deviceId>`: a lost or stolen tablet stops syncing at once (401 device_revoked).
import type { Store } from '../store/open-store';
import { revokeDevice } from '../store/devices';
import { UsageError, type ParsedArgs } from './args';

export async function revokeDeviceCommand(store: Store, args: ParsedArgs): Promise<string> {
  const deviceId = args.positionals[0];
  if (!deviceId) throw new UsageError('usage: revoke-device <deviceId>');
  if (!(await revokeDevice(store.db, deviceId, new Date()))) throw new UsageError(`no device ${deviceId} has ever logged in`);
  return `revoked device ${deviceId}`;
}
