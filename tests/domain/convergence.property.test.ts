// Property tests: replicas converge whatever the order, duplication or partition in which
// entries reach them (DESIGN.md, "Tests"). Histories are written by simulated tablets that
// each see only part of the document, so concurrent amends, partial resolves, addenda on
// old versions and retracts all happen.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entryShapeProblem, entrySchema } from '../../src/domain/entry';
import { sealEntry } from '../../src/domain/hash';
import { projectAll, projectDocument } from '../../src/domain/project';
import { NUM_RUNS, MAX_ENTRIES, v7, planArb, VERSION, buildHistory, deliveryArb, permute, duplicate, deliveredChunks, Replica, historiesArb, buildAll } from './simulated-histories';

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
