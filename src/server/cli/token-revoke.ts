// `token revoke --user <username>`: every session of one person ends, on every tablet (a shared
// password, a stolen badge). Their entries still waiting on a tablet go once they sign in again.
import { revokeTokensOf } from '../store/accounts';
import { requireOption, UsageError, type Command } from './command';

export const tokenRevoke: Command = {
  name: 'token revoke',
  usage: '--user <username>',
  summary: "end every session of one account, on every tablet",
  options: { user: { type: 'string' } },
  run: async ({ store, values }) => {
    const username = requireOption(values, 'user');
    const n = await revokeTokensOf(store.db, username, new Date());
    if (n === null) throw new UsageError(`no user ${username}`);
    return `revoked ${n} session${n === 1 ? '' : 's'} of ${username}`;
  },
};
