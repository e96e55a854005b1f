// The CLI's command table: `npm run releve -- <command>`. A new command is a new file in this
// folder and one line here.
import type { Command } from './command';
import { addUnit } from './add-unit';
import { addUser } from './add-user';
import { afterRestore } from './after-restore';
import { revokeDevice } from './revoke-device';
import { auditCommand } from './audit';
import { backup } from './backup';
import { deviceList } from './device-list';
import { tokenRevoke } from './token-revoke';
import { userList } from './user-list';
import { userProvisional } from './user-provisional';
import { userResetPassword } from './user-reset-password';
import { userSetUnits } from './user-set-units';
import { userDisable, userEnable } from './user-state';
import { wardMap } from './ward-map';
import { importFile } from './import';

export const COMMANDS: readonly Command[] = [
  addUser,
  addUnit,
  revokeDevice,
  afterRestore,
  backup,
  userList,
  userDisable,
  userEnable,
  userResetPassword,
  userSetUnits,
  userProvisional,
  deviceList,
  tokenRevoke,
  auditCommand,
  wardMap,
  importFile,
];
