// The CLI's command table: `npm run releve -- <command>`. A new command is a new file in this
// folder and one line here.
import type { Command } from './command';
import { addUnit } from './add-unit';
import { addUser } from './add-user';
import { afterRestore } from './after-restore';
import { revokeDevice } from './revoke-device';

export const COMMANDS: readonly Command[] = [
  addUser,
  addUnit,
  revokeDevice,
  afterRestore,
];
