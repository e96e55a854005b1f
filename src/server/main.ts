// The server CLI.
//   (no command)                  serve on PORT (8080) and HOST (0.0.0.0)
//   add-user --username u --name "N" --role nurse|charge|admin --units MED,CHIR
//                                 password from RELEVE_PASSWORD, or asked for
//   add-unit --code MED --name "Médecine interne" [--as admin-username]
//   revoke-device <deviceId>
//   after-restore                 after restoring a backup: tablets re-send what they wrote
// Data lives in RELEVE_DATA_DIR (./data).
import { parseArgs, UsageError } from './cli/args';
import { addUnitCommand } from './cli/add-unit';
import { addUserCommand } from './cli/add-user';
import { revokeDeviceCommand } from './cli/revoke-device';
import { afterRestoreCommand } from './cli/after-restore';
import { serve } from './serve';
import { dataDirFromEnv, openStore } from './store/open-store';

async function runCommand(command: string, argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const store = await openStore({ dataDir: dataDirFromEnv() });
  try {
    if (command === 'add-user') console.log(await addUserCommand(store, args, process.env));
    else if (command === 'add-unit') console.log(await addUnitCommand(store, args));
    else if (command === 'revoke-device') console.log(await revokeDeviceCommand(store, args));
    else if (command === 'after-restore') console.log(await afterRestoreCommand(store));
    else throw new UsageError(`unknown command '${command}' (add-user, add-unit, revoke-device, after-restore)`);
  } finally {
    await store.close();
  }
}

async function runServer(): Promise<void> {
  const server = await serve();
  console.log(`Relève is serving on ${server.url} (data in ${server.store.file})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info(`${signal}: closing`);
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

const [command, ...rest] = process.argv.slice(2);
(command === undefined || command === 'serve' ? runServer() : runCommand(command, rest)).catch((err: unknown) => {
  console.error(err instanceof UsageError ? `error: ${err.message}` : err);
  process.exit(err instanceof UsageError ? 2 : 1);
});
