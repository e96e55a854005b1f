// What one CLI command is. Each command lives in its own file and is listed once in commands.ts;
// run-command.ts parses its flags with node:util's parseArgs and opens the store for it.
import type { ParseArgsConfig } from 'node:util';
import type { Store } from '../store/open-store';

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface CommandContext {
  store: Store;
  values: OptionValues;
  positionals: string[];
  env: NodeJS.ProcessEnv;
}

export interface Command {
  /** One word, or two for a family of commands ('device list'). */
  name: string;
  /** Its arguments, for the usage line: '--code MED --name "Médecine interne"'. */
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  /** How many positional arguments it takes at most (default none). */
  positionals?: number;
  /** What to print on success. */
  run(ctx: CommandContext): Promise<string>;
}

/** A mistake in how the command was typed: printed without a stack, exit code 2. */
export class UsageError extends Error {}

/** A string option that must be there and not blank. */
export function requireOption(values: OptionValues, name: string): string {
  const v = values[name];
  const text = typeof v === 'string' ? v.trim() : '';
  if (!text) throw new UsageError(`--${name} is required`);
  return text;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}
