// Property tests: replicas converge whatever the order, duplication or partition in which
// entries reach them (DESIGN.md, "Tests"). Histories are written by simulated tablets that
// each see only part of the document, so concurrent amends, partial resolves, addenda on
// old versions and retracts all happen.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Author, Entry, UnsignedEntry } from '../../src/domain/entry';
import { entryShapeProblem, entrySchema } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import { projectAll, projectDocument, type DocState } from '../../src/domain/project';
import { asAccepted } from './fixtures';

const NUM_RUNS = 200;
const MAX_STEPS = 24;
const MAX_ENTRIES = MAX_STEPS + 1;
const DEVICES: readonly { deviceId: string; author: Author }[] = [
  { deviceId: 'tab-cardio-1', author: { userId: 'u-camille', name: 'Camille Martin', role: 'nurse' } },
  { deviceId: 'tab-cardio-2', author: { userId: 'u-yanis', name: 'Yanis Benali', role: 'nurse' } },
  { deviceId: 'pc-cadre', author: { userId: 'u-nadia', name: 'Nadia Roux', role: 'charge' } },
  { deviceId: 'tab-cardio-3', author: { userId: 'u-lea', name: 'Léa Petit', role: 'nurse' } },
];

// ---- Deterministic ids, so a failing run replays exactly. The time part is random, so id
// order (which the projection sorts by) has nothing to do with who wrote what first.
function v7(timeMs: number, doc: number, n: number): string {
  const t = timeMs.toString(16).padStart(12, '0');
  const tail = (doc * 4096 + n).toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${doc.toString(16).padStart(3, '0')}-8${n.toString(16).padStart(3, '0')}-${tail}`;
}

// ---- A document history, as a plan of steps taken by devices that see a partial view.
type StepKind = 'amend' | 'addendum' | 'retract' | 'resolve';
interface Step {
  kind: StepKind;
  device: number;
  /** sees[i]: this device has received entry i (the create is always seen). */
  sees: boolean[];
  pick: number;
  idTime: number;
  clockSkewMin: number;
  /** Devices may write createdAt with a UTC offset (schema-valid): order must not hinge on the text. */
  offsetMin: number;
}
interface Plan {
  createDevice: number;
  createTime: number;
  steps: Step[];
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<StepKind>('amend', 'amend', 'amend', 'addendum', 'addendum', 'retract', 'resolve', 'resolve'),
  device: fc.nat({ max: DEVICES.length - 1 }),
  sees: fc.array(fc.boolean(), { minLength: MAX_ENTRIES, maxLength: MAX_ENTRIES }),
  pick: fc.nat(),
  idTime: fc.integer({ min: 0x0190_0000_0000, max: 0x0199_ffff_ffff }),
  clockSkewMin: fc.integer({ min: -600, max: 600 }),
  offsetMin: fc.constantFrom(0, 60, 120, -300),
});

const planArb: fc.Arbitrary<Plan> = fc.record({
  createDevice: fc.nat({ max: DEVICES.length - 1 }),
  createTime: fc.integer({ min: 0x0190_0000_0000, max: 0x0199_ffff_ffff }),
  steps: fc.array(stepArb, { minLength: 0, maxLength: MAX_STEPS }),
});

const VERSION = new Set(['create', 'amend', 'resolve']);

/** Heads as a device computes them from what it holds: versions no held version names as parent. */
function headsOf(view: readonly Entry[]): Entry[] {
  const named = new Set(view.filter((e) => VERSION.has(e.kind)).flatMap((e) => e.parents));
  return view.filter((e) => VERSION.has(e.kind) && !named.has(e.id));
}

/** Entries i the device saw, plus everything they descend from: a device never holds a child without its parents. */
function viewOf(all: readonly Entry[], sees: readonly boolean[]): Entry[] {
  const byId = new Map(all.map((e) => [e.id, e]));
  const held = new Set<string>([all[0]!.id]);
  const stack = all.filter((_, i) => i > 0 && sees[i]).map((e) => e.id);
  while (stack.length) {
    const id = stack.pop()!;
    if (held.has(id)) continue;
    held.add(id);
    for (const p of byId.get(id)!.parents) if (!held.has(p)) stack.push(p);
  }
  return all.filter((e) => held.has(e.id));
}

/** ISO time with a given UTC offset, as a device in another zone setting would write it. */
function isoWithOffset(ms: number, offsetMin: number): string {
  if (offsetMin === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin > 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const bodyOf = (docNo: number, n: number, device: number) => ({
  target: `Doc ${docNo}`,
  data: `version ${n} par ${DEVICES[device]!.deviceId}`,
  actions: '',
  results: '',
});

async function buildHistory(plan: Plan, docNo: number): Promise<Entry[]> {
  const seqs = DEVICES.map(() => 0);
  const base = Date.parse('2026-02-09T08:00:00.000Z');
  const docId = v7(plan.createTime, docNo, 0xfff);
  const make = async (
    n: number,
    device: number,
    kind: Entry['kind'],
    parents: string[],
    body: unknown,
    idTime: number,
    skew: number,
    offsetMin: number,
  ): Promise<Entry> => {
    const d = DEVICES[device]!;
    const e: UnsignedEntry = {
      id: n === 0 ? v7(plan.createTime, docNo, 0) : v7(idTime, docNo, n),
      docId,
      docType: 'note',
      kind,
      parents,
      scope: 'unit:CARDIO',
      patientId: v7(0x0190_0000_0000, 0xabc, 0x123),
      body,
      author: d.author,
      deviceId: d.deviceId,
      deviceSeq: ++seqs[device]!,
      createdAt: isoWithOffset(base + n * 60_000 + skew * 60_000, offsetMin),
    };
    return sealEntry(e);
  };

  const all: Entry[] = [await make(0, plan.createDevice, 'create', [], bodyOf(docNo, 0, plan.createDevice), 0, 0, 0)];
  for (const step of plan.steps) {
    const n = all.length;
    const view = viewOf(all, step.sees);
    const heads = headsOf(view);
    const versions = view.filter((e) => VERSION.has(e.kind));
    const at = <T>(xs: readonly T[]) => xs[step.pick % xs.length]!;
    let kind: Entry['kind'] = step.kind;
    let parents: string[];
    let body: unknown = bodyOf(docNo, n, step.device);
    if (kind === 'resolve' && heads.length < 2) kind = 'amend';
    switch (kind) {
      case 'resolve': {
        // Every head this device sees, in an order that varies: parent order must not matter.
        const ids = heads.map((h) => h.id);
        const r = step.pick % ids.length;
        parents = [...ids.slice(r), ...ids.slice(0, r)];
        break;
      }
      case 'amend':
        parents = [at(heads).id]; // while conflicted this amends one side; it must still converge
        break;
      case 'addendum':
        parents = [at(versions).id];
        body = { text: `remarque ${n}` };
        break;
      default:
        parents = [at(heads).id];
        body = { reason: `erreur ${n}` };
    }
    all.push(await make(n, step.device, kind, parents, body, step.idTime, step.clockSkewMin, step.offsetMin));
  }
  return all;
}

// ---- Ways of delivering a set of entries: permuted, duplicated (some copies server-stamped),
// cut into chunks, and the chunks applied in any order.
interface Delivery {
  order: number[];
  copies: number[];
  stamped: boolean[];
  cuts: boolean[];
  chunkOrder: number[];
}
const MAX_DELIVERED = 2 * MAX_ENTRIES;
const deliveryArb: fc.Arbitrary<Delivery> = fc.record({
  order: fc.array(fc.nat(), { minLength: MAX_DELIVERED, maxLength: MAX_DELIVERED }),
  copies: fc.array(fc.nat({ max: 2 }), { minLength: MAX_DELIVERED, maxLength: MAX_DELIVERED }),
  stamped: fc.array(fc.boolean(), { minLength: 3 * MAX_DELIVERED, maxLength: 3 * MAX_DELIVERED }),
  cuts: fc.array(fc.boolean(), { minLength: 3 * MAX_DELIVERED, maxLength: 3 * MAX_DELIVERED }),
  chunkOrder: fc.array(fc.nat(), { minLength: 3 * MAX_DELIVERED, maxLength: 3 * MAX_DELIVERED }),
});

function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % keys.length]!, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((p) => p.x);
}

function duplicate(xs: readonly Entry[], d: Delivery): Entry[] {
  const out: Entry[] = [];
  xs.forEach((e, i) => {
    for (let c = 0; c <= d.copies[i % d.copies.length]!; c++) {
      out.push(d.stamped[out.length % d.stamped.length] ? asAccepted(e, i + 1) : e);
    }
  });
  return out;
}

function chunk<T>(xs: readonly T[], cuts: readonly boolean[]): T[][] {
  const chunks: T[][] = [[]];
  xs.forEach((x, i) => {
    chunks[chunks.length - 1]!.push(x);
    if (cuts[i % cuts.length] && i < xs.length - 1) chunks.push([]);
  });
  return chunks;
}

function deliveredChunks(entries: readonly Entry[], d: Delivery): Entry[][] {
  return permute(chunk(duplicate(permute(entries, d.order), d), d.cuts), d.chunkOrder);
}

/** A replica's store: it keeps the first copy of each id it receives, and projects what it holds. */
class Replica {
  private readonly held = new Map<string, Entry>();
  receive(chunk: readonly Entry[]): void {
    for (const e of chunk) if (!this.held.has(e.id)) this.held.set(e.id, e);
  }
  project(): Map<string, DocState> {
    return projectAll([...this.held.values()]);
  }
}

// ---- The properties.
const historiesArb = fc.array(planArb, { minLength: 1, maxLength: 2 });

async function buildAll(plans: readonly Plan[]): Promise<Entry[][]> {
  return Promise.all(plans.map((p, docNo) => buildHistory(p, docNo + 1)));
}

describe('simulated histories', () => {
  it('are well formed: every entry passes the wire schema and the shape rules', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const all = await buildHistory(plan, 1);
        for (const e of all) {
          expect(entrySchema.safeParse(e).success).toBe(true);
          expect(entryShapeProblem(e)).toBeNull();
        }
        expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
      }),
      { numRuns: 50 },
    );
  });

  it('do produce conflicts, resolves, addenda and retracts (the generator is not too tame)', async () => {
    const seen = { conflicted: 0, resolved: 0, addenda: 0, retracted: 0 };
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const s = projectDocument(await buildHistory(plan, 1));
        if (s.status === 'conflicted') seen.conflicted++;
        if (s.history.some((v) => v.kind === 'resolve')) seen.resolved++;
        if (s.addenda.length) seen.addenda++;
        if (s.retracted) seen.retracted++;
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(seen.conflicted).toBeGreaterThan(10);
    expect(seen.resolved).toBeGreaterThan(10);
    expect(seen.addenda).toBeGreaterThan(10);
    expect(seen.retracted).toBeGreaterThan(10);
  });
});

describe('convergence', () => {
  it('any permutation gives the same state', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, fc.array(fc.nat(), { minLength: MAX_ENTRIES, maxLength: MAX_ENTRIES }), async (plan, keys) => {
        const all = await buildHistory(plan, 1);
        expect(projectDocument(permute(all, keys))).toStrictEqual(projectDocument(all));
        expect(projectDocument([...all].reverse())).toStrictEqual(projectDocument(all));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('any duplication (some copies stamped by the server) gives the same state', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, deliveryArb, async (plan, d) => {
        const all = await buildHistory(plan, 1);
        expect(projectDocument(duplicate(permute(all, d.order), d))).toStrictEqual(projectDocument(all));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('any split into chunks, applied in any chunk order, gives the state of the union', async () => {
    await fc.assert(
      fc.asyncProperty(historiesArb, deliveryArb, async (plans, d) => {
        const histories = await buildAll(plans);
        const union = histories.flat();
        const chunks = deliveredChunks(union, d);
        const replica = new Replica();
        for (const c of chunks) replica.receive(c);
        const got = replica.project();
        expect(got.size).toBe(histories.length);
        for (const h of histories) expect(got.get(h[0]!.docId)).toStrictEqual(projectDocument(h));
        expect(projectAll(chunks.flat())).toStrictEqual(got);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('two replicas that receive the same set through different partitions converge', async () => {
    await fc.assert(
      fc.asyncProperty(historiesArb, deliveryArb, deliveryArb, async (plans, d1, d2) => {
        const union = (await buildAll(plans)).flat();
        const a = new Replica();
        const b = new Replica();
        const chunksA = deliveredChunks(union, d1);
        const chunksB = deliveredChunks(union, d2);
        // Interleave the two deliveries, as two tablets syncing at different moments would.
        for (let i = 0; i < Math.max(chunksA.length, chunksB.length); i++) {
          if (chunksA[i]) a.receive(chunksA[i]!);
          if (chunksB[i]) b.receive(chunksB[i]!);
        }
        expect(a.project()).toStrictEqual(b.project());
        expect(a.project()).toStrictEqual(projectAll(union));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a replica that relays part of what it got to another still converges with the source', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, deliveryArb, deliveryArb, async (plan, d1, d2) => {
        const all = await buildHistory(plan, 1);
        const server = new Replica();
        const tablet = new Replica();
        const chunks = deliveredChunks(all, d1);
        // The tablet first gets about half of the chunks straight from the server's view...
        const half = chunks.slice(0, Math.ceil(chunks.length / 2));
        for (const c of chunks) server.receive(c);
        for (const c of half) tablet.receive(c);
        // ...then a full pull in another partition, overlapping what it already holds.
        for (const c of deliveredChunks(all, d2)) tablet.receive(c);
        expect(tablet.project()).toStrictEqual(server.project());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('invariants of the projected state', () => {
  it('heads are exactly the versions no version names as a parent, and the rest follows', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const all = await buildHistory(plan, 1);
        const s = projectDocument(all);
        const versions = all.filter((e) => VERSION.has(e.kind));
        const namedByVersion = new Set(versions.flatMap((v) => v.parents));
        const expectedHeads = versions.filter((v) => !namedByVersion.has(v.id)).map((v) => v.id);

        expect(s.heads.length).toBe(expectedHeads.length);
        expect(s.heads).toEqual([...expectedHeads].sort());
        expect(s.heads.length).toBeGreaterThanOrEqual(1);
        expect(s.headVersions.map((v) => v.entryId)).toEqual(s.heads);
        expect(s.status).toBe(s.heads.length > 1 ? 'conflicted' : 'ok');
        if (s.status === 'ok') {
          expect(s.body).toEqual(all.find((e) => e.id === s.heads[0])!.body);
        } else {
          expect(s.body).toBeNull();
        }
        // Addenda and retracts never count for heads, and nothing is ever dropped.
        for (const h of s.heads) expect(all.find((e) => e.id === h)!.kind).not.toMatch(/addendum|retract/);
        expect(s.entryCount).toBe(all.length);
        expect(s.history.length + s.addenda.length + s.retractions.length).toBe(all.length);
        expect(s.retracted).toBe(all.some((e) => e.kind === 'retract'));
        const instants = all.map((e) => Date.parse(e.createdAt));
        expect(Date.parse(s.firstAt)).toBe(Math.min(...instants));
        expect(Date.parse(s.lastAt)).toBe(Math.max(...instants));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a device that sees everything and resolves the conflict brings the document back to ok', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const all = await buildHistory(plan, 1);
        const before = projectDocument(all);
        fc.pre(before.status === 'conflicted');
        const merged = { target: 'Doc 1', data: 'fusion', actions: '', results: '' };
        const last = all[all.length - 1]!;
        const r = await sealEntry({
          ...last,
          id: v7(0x019a_0000_0000, 1, 0xffe),
          kind: 'resolve',
          parents: [...before.heads].reverse(),
          body: merged,
          deviceSeq: 999,
        });
        const after = projectDocument([...all, r]);
        expect(after).toMatchObject({ status: 'ok', heads: [r.id], body: merged });
        expect(after.history).toHaveLength(before.history.length + 1);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
