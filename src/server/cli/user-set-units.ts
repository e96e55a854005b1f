// `user set-units <username> --units MED,CHIR`: the wards an account reads and writes.
import { setUnits } from '../store/accounts';
import { requireOption, UsageError, type Command } from './command';

const UNIT_CODE = /^[A-Z0-9_-]{2,16}$/;

export const userSetUnits: Command = {
  name: 'user set-units',
  usage: '<username> --units MED,CHIR',
  summary: 'replace the wards of an account',
  options: { units: { type: 'string' } },
  positionals: 1,
  run: async ({ store, positionals, values }) => {
    const username = positionals[0];
    if (!username) throw new UsageError('usage: user set-units <username> --units MED,CHIR');
    const units = requireOption(values, 'units').split(',').map((u) => u.trim().toUpperCase()).filter(Boolean);
    const bad = units.find((u) => !UNIT_CODE.test(u));
    if (bad) throw new UsageError(`unit code '${bad}' must be 2-16 capitals, digits, - or _`);
    if (!(await setUnits(store.db, username, units, new Date()))) throw new UsageError(`no user ${username}`);
    return `${username} now belongs to ${units.join(',')}`;
  },
};
