// `user list`: every account, its role, wards and whether it is disabled.
import { listAccounts } from '../store/accounts';
import type { Command } from './command';

export const userList: Command = {
  name: 'user list',
  usage: '',
  summary: 'list the accounts: username, name, role, wards, disabled or not',
  run: async ({ store }) => {
    const rows = await listAccounts(store.db);
    if (rows.length === 0) return 'no accounts';
    return rows
      .map((u) => [u.username, u.name, u.role, u.units.join(',') || '-', u.disabledAt ? `disabled ${u.disabledAt}` : 'active'].join('\t'))
      .join('\n');
  },
};
