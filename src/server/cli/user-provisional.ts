// `user provisional list|link|refuse`: what IT does with the accounts charge nurses enrolled
// offline on a tablet (domain/provisional.ts) once the network is back. Linking or refusing
// changes no entry: what she wrote keeps her name and her enroller's.
import { hashPassword } from '../auth/password';
import { linkProvisional, linkProvisionalToNew, listProvisional, ProvisionalError, refuseProvisional, type Decider } from '../store/provisional';
import type { Store } from '../store/open-store';
import { adminAuthor } from './add-unit';
import { MIN_PASSWORD_LENGTH } from './add-user';
import { stringOption, UsageError, type Command, type OptionValues } from './command';
import { readPassword } from './read-password';

const USAGE = 'list | link <id> <username> | link <id> --create <username> | refuse <id> --reason "..." [--as admin-username]';

/** IT at the CLI; the decision's entry, which the tablets pull, is signed by --as or the first admin. */
async function cli(store: Store, values: OptionValues): Promise<Decider> {
  return { userId: null, label: 'cli', signer: await adminAuthor(store, stringOption(values, 'as')) };
}

async function list(store: Store): Promise<string> {
  const rows = await listProvisional(store.db);
  if (rows.length === 0) return 'no provisional accounts';
  return rows
    .map((p) => [p.id, p.username, p.name, p.role, p.unit, `enrolled by ${p.enrolledBy} ${p.enrolledAt}`, `${p.entries} entries`, p.status === 'linked' ? `linked to ${p.linkedTo ?? '?'}` : p.status].join('\t'))
    .join('\n');
}

async function link(store: Store, id: string, target: string | undefined, values: OptionValues, env: NodeJS.ProcessEnv): Promise<string> {
  const create = stringOption(values, 'create');
  if (create && target) throw new UsageError('give either an existing <username> or --create <username>, not both');
  if (create) {
    const password = await readPassword(env);
    if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    const p = await linkProvisionalToNew(store.db, id, { username: create, passwordHash: await hashPassword(password) }, await cli(store, values), new Date());
    return `created ${create} and linked ${p.name} (${p.entries} entries) to it`;
  }
  if (!target) throw new UsageError(`usage: user provisional ${USAGE}`);
  const p = await linkProvisional(store.db, id, target, await cli(store, values), new Date());
  return `linked ${p.name} (${p.entries} entries) to ${target}`;
}

async function refuse(store: Store, id: string, values: OptionValues): Promise<string> {
  const reason = stringOption(values, 'reason')?.trim();
  if (!reason) throw new UsageError('--reason is required: say why she is refused');
  const p = await refuseProvisional(store.db, id, reason, await cli(store, values), new Date());
  return `refused ${p.name}; her ${p.entries} entries stay, under her name and ${p.enrolledBy}'s`;
}

export const userProvisional: Command = {
  name: 'user provisional',
  usage: USAGE,
  summary: 'accounts enrolled offline on a tablet: list them, link one to a real account (or create it), or refuse it',
  options: { create: { type: 'string' }, reason: { type: 'string' }, as: { type: 'string' } },
  positionals: 3,
  run: async ({ store, positionals, values, env }) => {
    const [verb, id, target] = positionals;
    try {
      if (verb === 'list') return await list(store);
      if (!id) throw new UsageError(`usage: user provisional ${USAGE}`);
      if (verb === 'link') return await link(store, id, target, values, env);
      if (verb === 'refuse') return await refuse(store, id, values);
    } catch (err) {
      if (err instanceof ProvisionalError) throw new UsageError(err.message);
      throw err;
    }
    throw new UsageError(`usage: user provisional ${USAGE}`);
  },
};
