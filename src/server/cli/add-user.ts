// `add-user`: how IT creates accounts on a real install (RELEVE_SEED=none starts with none).
import { isRole, ROLES } from '../../domain/roles';
import { hashPassword } from '../auth/password';
import type { Store } from '../store/open-store';
import { findUserByUsername, insertUser } from '../store/users';
import { requireOption, stringOption, UsageError, type Command, type OptionValues } from './command';
import { readPassword } from './read-password';

const UNIT_CODE = /^[A-Z0-9_-]{2,16}$/;
export const MIN_PASSWORD_LENGTH = 8;

export const addUser: Command = {
  name: 'add-user',
  usage: `--username u --name "N" --role ${ROLES.join('|')} --units MED,CHIR`,
  summary: 'add an account (password from RELEVE_PASSWORD, or asked for)',
  options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, units: { type: 'string' } },
  run: ({ store, values, env }) => addUserAccount(store, values, env),
};

async function addUserAccount(store: Store, values: OptionValues, env: NodeJS.ProcessEnv): Promise<string> {
  const username = requireOption(values, 'username');
  const name = requireOption(values, 'name');
  const role = requireOption(values, 'role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const units = (stringOption(values, 'units') ?? '')
    .split(',')
    .map((u) => u.trim().toUpperCase())
    .filter(Boolean);
  const badUnit = units.find((u) => !UNIT_CODE.test(u));
  if (badUnit) throw new UsageError(`unit code '${badUnit}' must be 2-16 capitals, digits, - or _`);
  if (role !== 'admin' && units.length === 0) throw new UsageError('--units is required for a nurse or charge nurse');
  if (await findUserByUsername(store.db, username)) throw new UsageError(`user ${username} already exists`);

  const password = await readPassword(env);
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const user = await insertUser(store.db, { username, name, role, units, passwordHash: await hashPassword(password) }, new Date());
  return `added ${username} (${role}${units.length ? ', ' + units.join(',') : ''}) id ${user.id}`;
}
