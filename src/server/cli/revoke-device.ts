// `revoke-device <deviceId>`: a lost or stolen tablet stops syncing at once (401 device_revoked).
import type { Store } from '../store/open-store';
import { revokeDevice as revokeInStore } from '../store/devices';
import { UsageError, type Command } from './command';

export const revokeDevice: Command = {
  name: 'revoke-device',
  usage: '<deviceId>',
  summary: 'a lost or stolen tablet stops syncing at once',
  positionals: 1,
  run: ({ store, positionals }) => revoke(store, positionals[0]),
};

async function revoke(store: Store, deviceId: string | undefined): Promise<string> {
  if (!deviceId) throw new UsageError('usage: revoke-device <deviceId>');
  if (!(await revokeInStore(store.db, deviceId, new Date()))) throw new UsageError(`no device ${deviceId} has ever logged in`);
  return `revoked device ${deviceId}`;
}
