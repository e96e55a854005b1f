// Finds a command in the table, parses its flags (node:util parseArgs, strict: an unknown flag or
// a flag without its value is a usage error), opens the store and runs it.
import { parseArgs } from 'node:util';
import { dataDirFromEnv, openStore, type Store } from '../store/open-store';
import { UsageError, type Command } from './command';
import { COMMANDS } from './commands';

/** The command that argv names: two words first ('device list'), then one. */
function findCommand(argv: readonly string[], commands: readonly Command[] = COMMANDS): { command: Command; rest: string[] } {
  const two = `${argv[0]} ${argv[1]}`;
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = commands.find((c) => c.name === argv[0]);
  if (byOne) return { command: byOne, rest: argv.slice(1) };
  throw new UsageError(`unknown command '${argv[0] ?? ''}'\n${usage(commands)}`);
}

function usage(commands: readonly Command[] = COMMANDS): string {
  const lines = commands.flatMap((c) => [`  ${c.name} ${c.usage}`.trimEnd(), `      ${c.summary}`]);
  return ['usage: npm run releve -- <command>', '  serve (or no command)', '      serve the app and the API on PORT', ...lines].join('\n');
}

function parse(command: Command, rest: string[]) {
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    if (positionals.length > (command.positionals ?? 0)) {
      throw new UsageError(`unexpected argument '${positionals[command.positionals ?? 0]}'`);
    }
    return { values, positionals };
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${err.message}\nusage: ${command.name} ${command.usage}`);
    // parseArgs names the problem (unknown option, missing value) in its message.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${(err as Error).message}\nusage: ${command.name} ${command.usage}`);
    }
    throw err;
  }
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** An open store to use (tests); otherwise the one in RELEVE_DATA_DIR is opened and closed. */
  store?: Store;
}

/** Runs `argv` (the command and its arguments) and returns what to print. */
export async function runCommand(argv: readonly string[], opts: RunOptions = {}): Promise<string> {
  const env = opts.env ?? process.env;
  if (argv[0] === 'help' || argv[0] === '--help') return usage();
  const { command, rest } = findCommand(argv);
  const { values, positionals } = parse(command, rest);
  const store = opts.store ?? (await openStore({ dataDir: dataDirFromEnv(env) }));
  try {
    return await command.run({ store, values, positionals, env });
  } finally {
    if (!opts.store) await store.close();
  }
}
