// `user disable <username>` and `user enable <username>`: someone who left, or whose password
// may be known to others. Disabling ends their sessions on every tablet at once.
import { setDisabled } from '../store/accounts';
import { UsageError, type Command } from './command';

function stateCommand(disabled: boolean): Command {
  const verb = disabled ? 'disable' : 'enable';
  return {
    name: `user ${verb}`,
    usage: '<username>',
    summary: disabled ? 'no more sign-in, and every session of the account ends' : 'let a disabled account sign in again',
    positionals: 1,
    run: async ({ store, positionals }) => {
      const username = positionals[0];
      if (!username) throw new UsageError(`usage: user ${verb} <username>`);
      if (!(await setDisabled(store.db, username, disabled, new Date()))) throw new UsageError(`no user ${username}`);
      return `${verb}d ${username}`;
    },
  };
}

export const userDisable = stateCommand(true);
export const userEnable = stateCommand(false);
