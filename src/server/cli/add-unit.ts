// `add-unit --code MED --name "Médecine interne"`: the first wards of a real install, written
// as a `unit` document by an admin account (the first one, or --as <username>).
import { newId } from '../../domain/entry';
import { sealEntry } from '../../domain/hash';
import { GLOBAL_SCOPE } from '../../domain/scope';
import type { Store } from '../store/open-store';
import { findUserByUsername, loadSessionUser } from '../store/users';
import { appendEntries } from '../sync/append-entries';
import { requireOption, stringOption, UsageError, type Command, type OptionValues } from './command';

const CLI_DEVICE_ID = 'server-cli';

/** An admin account to sign what the CLI writes: --as <username>, or the first admin. */
export async function adminAuthor(store: Store, username: string | undefined) {
  const row = username
    ? await findUserByUsername(store.db, username)
    : await store.db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('created_at').executeTakeFirst();
  if (!row || row.role !== 'admin') throw new UsageError(username ? `${username} is not an admin` : 'add an admin first (add-user --role admin)');
  return (await loadSessionUser(store.db, row.id))!;
}

export const addUnit: Command = {
  name: 'add-unit',
  usage: '--code MED --name "Médecine interne" [--as admin-username]',
  summary: 'add a ward, written as a unit document by an admin',
  options: { code: { type: 'string' }, name: { type: 'string' }, as: { type: 'string' } },
  run: ({ store, values }) => addUnitDocument(store, values),
};

async function addUnitDocument(store: Store, values: OptionValues): Promise<string> {
  const code = requireOption(values, 'code').toUpperCase();
  const name = requireOption(values, 'name');
  const author = await adminAuthor(store, stringOption(values, 'as'));
  const units = await store.db.selectFrom('entries').select('json').where('doc_type', '=', 'unit').execute();
  if (units.some((r) => (JSON.parse(r.json) as { body: { code?: string } }).body.code === code)) {
    throw new UsageError(`unit ${code} already exists`);
  }
  const lastSeq = await store.db.selectFrom('devices').select('last_device_seq').where('id', '=', CLI_DEVICE_ID).executeTakeFirst();
  const entry = await sealEntry({
    id: newId(),
    docId: newId(),
    docType: 'unit',
    kind: 'create',
    parents: [],
    scope: GLOBAL_SCOPE,
    body: { code, name },
    author: { userId: author.id, name: author.name, role: author.role },
    deviceId: CLI_DEVICE_ID,
    deviceSeq: (lastSeq?.last_device_seq ?? 0) + 1,
    createdAt: new Date().toISOString(),
  });
  const [result] = await appendEntries(store, [entry], { user: author, deviceId: CLI_DEVICE_ID }, new Date());
  if (result?.status !== 'accepted') throw new UsageError(`unit refused: ${result?.reason ?? 'unknown reason'}`);
  return `added unit ${code} (${name})`;
}
