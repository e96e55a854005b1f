// `user reset-password <username>`: a new password (RELEVE_PASSWORD, or asked for); every session
// of the account ends, so whoever knew the old one is out.
import { hashPassword } from '../auth/password';
import { resetPassword } from '../store/accounts';
import { findUserByUsername } from '../store/users';
import { MIN_PASSWORD_LENGTH } from './add-user';
import { UsageError, type Command } from './command';
import { readPassword } from './read-password';

export const userResetPassword: Command = {
  name: 'user reset-password',
  usage: '<username>',
  summary: 'set a new password (RELEVE_PASSWORD, or asked for) and end the sessions',
  positionals: 1,
  run: async ({ store, positionals, env }) => {
    const username = positionals[0];
    if (!username) throw new UsageError('usage: user reset-password <username>');
    if (!(await findUserByUsername(store.db, username))) throw new UsageError(`no user ${username}`);
    const password = await readPassword(env);
    if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    await resetPassword(store.db, username, await hashPassword(password), new Date());
    return `new password for ${username}; their sessions have ended`;
  },
};
