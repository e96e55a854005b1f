// The server's one entry: `npm run releve -- <command>` (and `npm start`, which serves).
//   (no command) | serve    serve the app and the API on PORT (8080) and HOST (0.0.0.0)
//   <command> ...           one of the commands of cli/commands.ts; `help` lists them
// Data lives in RELEVE_DATA_DIR (./data).
import { UsageError } from './cli/command';
import { runCommand } from './cli/run-command';
import { serve, startupLine } from './serve';

async function runServer(): Promise<void> {
  const server = await serve();
  console.log(startupLine(server.url, server.tls, server.store.file));
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

const argv = process.argv.slice(2);
const serving = argv.length === 0 || argv[0] === 'serve';
(serving ? runServer() : runCommand(argv).then((out) => console.log(out))).catch((err: unknown) => {
  console.error(err instanceof UsageError ? `error: ${err.message}` : err);
  process.exit(err instanceof UsageError ? 2 : 1);
});
