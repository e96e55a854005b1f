// `device list`: every tablet or PC that ever signed in, who registered it, who holds a session on
// it, when it was last seen and its last entry number (a gap in those numbers is a lost entry).
import { listDevices } from '../store/accounts';
import type { Command } from './command';

export const deviceList: Command = {
  name: 'device list',
  usage: '',
  summary: 'list devices: id, first account, accounts with a session, last seen, last sequence, revoked',
  run: async ({ store }) => {
    const rows = await listDevices(store.db);
    if (rows.length === 0) return 'no devices';
    const head = ['device', 'first account', 'sessions', 'last seen', 'last seq', 'state'].join('\t');
    return [
      head,
      ...rows.map((d) =>
        [d.id, d.firstUser ?? '-', d.users.join(',') || '-', d.lastSeen, String(d.lastDeviceSeq), d.revokedAt ? `revoked ${d.revokedAt}` : 'active'].join('\t'),
      ),
    ].join('\n');
  },
};
