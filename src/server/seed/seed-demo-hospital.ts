// Seeds an empty database with the demo hospital: its wards, their census and the demo
// accounts. The entries go through the same write path as a push (real hashes, real checks),
// authored by demo-admin from the device 'server-seed', all in one transaction.
import { newId, type UnsignedEntry } from '../../domain/entry';
import { sealEntry } from '../../domain/hash';
import type { SessionUser } from '../../domain/protocol';
import { GLOBAL_SCOPE, unitScope } from '../../domain/scope';
import { hashPassword } from '../auth/password';
import type { Store } from '../store/open-store';
import { countUsers, insertUser } from '../store/users';
import { prepareBatch, writeBatch, type PreparedBatch } from '../sync/append-entries';
import type { PatientBody } from '../../domain/schemas';
import { drillBatches } from './demo-drill';
import { demoCensus } from './demo-census';
import { DEMO_ACCOUNTS, type DemoAccount, DEMO_PASSWORD, DEMO_SEED_AUTHOR, DEMO_UNITS, SEED_DEVICE_ID } from './demo-hospital';
import { seededPrng } from './prng';
import { DEMO_TEMPLATES } from './templates';
import { downtimeContentEntries } from './seed-downtime-content';
import { seedHisFeed } from './seed-his-feed';

const DEMO_SEED = 20210215; // the day Dax lost its information system

function seedEntries(author: SessionUser, now: Date): UnsignedEntry[] {
  const prng = seededPrng(DEMO_SEED);
  const ipps = new Set<string>();
  const createdAt = now.toISOString();
  let deviceSeq = 0;
  const entry = (docType: string, scope: string, body: unknown): UnsignedEntry => ({
    id: newId(),
    docId: newId(),
    docType,
    kind: 'create',
    parents: [],
    scope,
    body,
    author: { userId: author.id, name: author.name, role: author.role },
    deviceId: SEED_DEVICE_ID,
    deviceSeq: ++deviceSeq,
    createdAt,
  });
  const units = DEMO_UNITS.map((u) => entry('unit', GLOBAL_SCOPE, { code: u.code, name: u.name, nameEn: u.nameEn, ...(u.noteTargets ? { noteTargets: [...u.noteTargets] } : {}) }));
  const templates = DEMO_TEMPLATES.map((q) => entry('template', GLOBAL_SCOPE, q));
  const patients = DEMO_UNITS.flatMap((u) => demoCensus(u, prng, now, ipps).map((p) => entry('patient', unitScope(u.code), p)));
  return [...units, ...templates, ...patients, ...downtimeContentEntries(entry, now)];
}

export async function seedDemoHospital(store: Store, now = new Date()): Promise<void> {
  const accounts = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => ({ ...a, id: newId(), passwordHash: await hashPassword(DEMO_PASSWORD) })),
  );
  const admin = accounts.find((a) => a.username === DEMO_SEED_AUTHOR)!;
  const author: SessionUser = { id: admin.id, name: admin.name, role: admin.role, units: [...admin.units] };
  const his = accounts.find((a) => a.role === 'interface')!;
  const hisUser: SessionUser = { id: his.id, name: his.name, role: his.role, units: [...his.units] };
  const unsigned = seedEntries(author, now);
  const sealed = await Promise.all(unsigned.map(sealEntry));
  const batch = await prepareBatch(sealed, { user: author, deviceId: SEED_DEVICE_ID });
  const drill = await drillEntries(unsigned, accounts, now);

  await store.db.transaction().execute(async (trx) => {
    for (const a of accounts) await insertUser(trx, a, now);
    const results = await writeBatch(trx, batch, now);
    const refused = results.find((r) => r.status !== 'accepted');
    // A refused seed entry is a bug in the seed; roll back rather than half-seed.
    if (refused) throw new Error(`demo seed entry ${refused.id} was ${refused.status}: ${refused.reason ?? ''}`);
    for (const b of drill) {
      const r = (await writeBatch(trx, b, now)).find((x) => x.status !== 'accepted');
      if (r) throw new Error(`demo drill entry ${r.id} was ${r.status}: ${r.reason ?? ''}`);
    }
    await seedHisFeed(trx, hisUser, sealed.filter((e) => e.docType === 'patient'), now, DEMO_SEED);
  });
}

/** The past drill on MED (demo-drill.ts), one batch per tablet, each signed by its own user. */
async function drillEntries(seeded: readonly UnsignedEntry[], accounts: readonly (DemoAccount & { id: string })[], now: Date): Promise<PreparedBatch[]> {
  const med = seeded.filter((e) => e.docType === 'patient' && e.scope === unitScope('MED'));
  const batches = drillBatches({
    now,
    accounts: (username) => accounts.find((a) => a.username === username)!,
    templates: (name) => DEMO_TEMPLATES.find((q) => q.url.endsWith(`/${name}`))!,
    // The last patients of the ward's board: the end-to-end tests write on the first rows.
    patients: med.slice(-2).map((e) => ({ docId: e.docId, body: e.body as PatientBody })),
  });
  return Promise.all(batches.map(async (b) => {
    const user: SessionUser = { id: b.author.id, name: b.author.name, role: b.author.role, units: [...b.author.units] };
    return prepareBatch(await Promise.all(b.entries.map(sealEntry)), { user, deviceId: b.deviceId });
  }));
}

export type SeedOutcome = 'seeded' | 'not-empty' | 'disabled';

/** RELEVE_SEED: 'demo' (default) seeds an empty database, 'none' leaves it empty. */
export async function seedIfEmpty(store: Store, env: NodeJS.ProcessEnv = process.env, now = new Date()): Promise<SeedOutcome> {
  const mode = env.RELEVE_SEED || 'demo';
  if (mode !== 'demo' && mode !== 'none') throw new Error(`RELEVE_SEED must be 'demo' or 'none', got '${mode}'`);
  if ((await countUsers(store.db)) > 0) return 'not-empty';
  if (mode === 'none') return 'disabled';
  await seedDemoHospital(store, now);
  return 'seeded';
}
