// Simulated tablets writing one document's history, each seeing only part of it, and the
// ways the entries can then reach a replica (any order, duplicated, in chunks). Shared by the
// convergence property tests.
import fc from 'fast-check';
import type { Author, Entry, UnsignedEntry } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import { projectAll, type DocState } from '../../src/domain/project';
import { asAccepted } from './fixtures';

export const NUM_RUNS = 200;
const MAX_STEPS = 24;
export const MAX_ENTRIES = MAX_STEPS + 1;
const DEVICES: readonly { deviceId: string; author: Author }[] = [
  { deviceId: 'tab-cardio-1', author: { userId: 'u-camille', name: 'Camille Martin', role: 'nurse' } },
  { deviceId: 'tab-cardio-2', author: { userId: 'u-yanis', name: 'Yanis Benali', role: 'nurse' } },
  { deviceId: 'pc-cadre', author: { userId: 'u-nadia', name: 'Nadia Roux', role: 'charge' } },
  { deviceId: 'tab-cardio-3', author: { userId: 'u-lea', name: 'Léa Petit', role: 'nurse' } },
];

// ---- Deterministic ids, so a failing run replays exactly. The time part is random, so id
// order (which the projection sorts by) has nothing to do with who wrote what first.
export function v7(timeMs: number, doc: number, n: number): string {
  const t = timeMs.toString(16).padStart(12, '0');
  const tail = (doc * 4096 + n).toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${doc.toString(16).padStart(3, '0')}-8${n.toString(16).padStart(3, '0')}-${tail}`;
}

// ---- A document history, as a plan of steps taken by devices that see a partial view.
export type StepKind = 'amend' | 'addendum' | 'retract' | 'resolve';
export interface Step {
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
export interface Plan {
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

export const planArb: fc.Arbitrary<Plan> = fc.record({
  createDevice: fc.nat({ max: DEVICES.length - 1 }),
  createTime: fc.integer({ min: 0x0190_0000_0000, max: 0x0199_ffff_ffff }),
  steps: fc.array(stepArb, { minLength: 0, maxLength: MAX_STEPS }),
});

export const VERSION = new Set(['create', 'amend', 'resolve']);

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

export async function buildHistory(plan: Plan, docNo: number): Promise<Entry[]> {
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
export interface Delivery {
  order: number[];
  copies: number[];
  stamped: boolean[];
  cuts: boolean[];
  chunkOrder: number[];
}
const MAX_DELIVERED = 2 * MAX_ENTRIES;
export const deliveryArb: fc.Arbitrary<Delivery> = fc.record({
  order: fc.array(fc.nat(), { minLength: MAX_DELIVERED, maxLength: MAX_DELIVERED }),
  copies: fc.array(fc.nat({ max: 2 }), { minLength: MAX_DELIVERED, maxLength: MAX_DELIVERED }),
  stamped: fc.array(fc.boolean(), { minLength: 3 * MAX_DELIVERED, maxLength: 3 * MAX_DELIVERED }),
  cuts: fc.array(fc.boolean(), { minLength: 3 * MAX_DELIVERED, maxLength: 3 * MAX_DELIVERED }),
  chunkOrder: fc.array(fc.nat(), { minLength: 3 * MAX_DELIVERED, maxLength: 3 * MAX_DELIVERED }),
});

export function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs
    .map((x, i) => ({ x, k: keys[i % keys.length]!, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((p) => p.x);
}

export function duplicate(xs: readonly Entry[], d: Delivery): Entry[] {
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

export function deliveredChunks(entries: readonly Entry[], d: Delivery): Entry[][] {
  return permute(chunk(duplicate(permute(entries, d.order), d), d.cuts), d.chunkOrder);
}

/** A replica's store: it keeps the first copy of each id it receives, and projects what it holds. */
export class Replica {
  private readonly held = new Map<string, Entry>();
  receive(chunk: readonly Entry[]): void {
    for (const e of chunk) if (!this.held.has(e.id)) this.held.set(e.id, e);
  }
  project(): Map<string, DocState> {
    return projectAll([...this.held.values()]);
  }
}

// ---- The properties.
export const historiesArb = fc.array(planArb, { minLength: 1, maxLength: 2 });

export async function buildAll(plans: readonly Plan[]): Promise<Entry[][]> {
  return Promise.all(plans.map((p, docNo) => buildHistory(p, docNo + 1)));
}
