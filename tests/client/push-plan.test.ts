import { describe, it, expect } from 'vitest';
import { entryBytes, planRuns, pushBody, runPlanner } from '../../src/client/sync/batches';
import { MAX_PUSH_ENTRIES } from '../../src/domain/protocol';
import type { StoredSession } from '../../src/client/db/meta';
import type { Entry } from '../../src/domain/entry';

const session = (id: string, extra: Partial<StoredSession> = {}): StoredSession => ({
  token: `t-${id}`,
  user: { id, name: id, role: 'nurse', units: ['MED'] },
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  ...extra,
});
const e = (seq: number, author: string, docId = `d${seq}`) =>
  ({ id: `e${seq}`, docId, deviceSeq: seq, author: { userId: author, name: author, role: 'nurse' } }) as unknown as Entry;

describe('planning a push on a shared tablet', () => {
  it('keeps device order, cutting runs at each change of author', () => {
    const { runs, held } = planRuns([e(1, 'a'), e(2, 'a'), e(3, 'b'), e(4, 'a')], { a: session('a'), b: session('b') });
    expect(held).toBe(0);
    expect(runs.map((r) => [r.session.user.id, r.entries.map((x) => x.id)])).toEqual([
      ['a', ['e1', 'e2']],
      ['b', ['e3']],
      ['a', ['e4']],
    ]);
  });

  it('sends a provisional account’s entries with her enroller’s token, in the enroller’s run', () => {
    const byMarie = (seq: number) => ({ ...e(seq, 'p'), author: { userId: 'p', name: 'Marie', role: 'nurse', enrolledBy: { userId: 'a', name: 'a' } } }) as Entry;
    const { runs, held } = planRuns([e(1, 'a'), byMarie(2), byMarie(3), e(4, 'b')], { a: session('a'), b: session('b') });
    expect(held).toBe(0);
    expect(runs.map((r) => [r.session.user.id, r.entries.map((x) => x.id)])).toEqual([
      ['a', ['e1', 'e2', 'e3']],
      ['b', ['e4']],
    ]);
    // Her enroller's session gone, her entries wait with the enroller's.
    expect(planRuns([byMarie(2)], { b: session('b') }).held).toBe(1);
  });

  it('holds back an author who must sign in again, and every later entry of the documents they hold', () => {
    const sessions = { a: session('a', { expired: true }), b: session('b') };
    const { runs, held } = planRuns([e(1, 'a', 'doc1'), e(2, 'b', 'doc1'), e(3, 'b', 'doc2')], sessions);
    expect(held).toBe(2);
    expect(runs.flatMap((r) => r.entries.map((x) => x.id))).toEqual(['e3']);
  });

  it("holds back a note on a patient whose create is held (the server needs the patient first)", () => {
    const sessions = { a: session('a', { expired: true }), b: session('b') };
    const noteOnHeldPatient = { ...e(2, 'b', 'note1'), patientId: 'patient1' } as Entry;
    const { runs, held } = planRuns([e(1, 'a', 'patient1'), noteOnHeldPatient, e(3, 'b', 'note2')], sessions);
    expect(held).toBe(2);
    expect(runs.flatMap((r) => r.entries.map((x) => x.id))).toEqual(['e3']);
  });

  it('treats a session past its expiry as unusable', () => {
    const { runs, held } = planRuns([e(1, 'a')], { a: session('a', { expiresAt: new Date(Date.now() - 1).toISOString() }) });
    expect(runs).toEqual([]);
    expect(held).toBe(1);
  });

  it(`cuts runs at MAX_PUSH_ENTRIES (${MAX_PUSH_ENTRIES}) entries`, () => {
    const many = Array.from({ length: 2 * MAX_PUSH_ENTRIES + 50 }, (_, i) => e(i + 1, 'a'));
    const { runs } = planRuns(many, { a: session('a') });
    expect(runs.map((r) => r.entries.length)).toEqual([MAX_PUSH_ENTRIES, MAX_PUSH_ENTRIES, 50]);
  });

  it('cuts runs by bytes too, each run under the cap, and counts what each carries', () => {
    const many = Array.from({ length: 10 }, (_, i) => e(i + 1, 'a'));
    const one = entryBytes(many[0]!);
    const { runs } = planRuns(many, { a: session('a') }, 3 * one + 2);
    expect(runs.map((r) => r.entries.length)).toEqual([3, 3, 3, 1]);
    for (const r of runs) expect(r.bytes).toBe(r.entries.reduce((n, x) => n + entryBytes(x), 0));
  });

  it('sets aside an entry larger than any push, and holds the later entries of its document, never the others', () => {
    const big = { ...e(2, 'a', 'doc2'), body: 'x'.repeat(500) } as unknown as Entry;
    const { runs, held, tooLarge } = planRuns([e(1, 'a'), big, e(3, 'a', 'doc2'), e(4, 'a')], { a: session('a') }, 400);
    expect(tooLarge.map((x) => x.id)).toEqual(['e2']);
    expect(held).toBe(1);
    expect(runs.flatMap((r) => r.entries.map((x) => x.id))).toEqual(['e1', 'e4']);
  });

  it('planned a part at a time, what is held in one part holds the later entries of its document in the next', () => {
    const planner = runPlanner({ a: session('a') });
    const first = planner.plan([e(1, 'a'), e(2, 'b', 'doc2')]);
    const second = planner.plan([e(3, 'a', 'doc2'), e(4, 'a')]);
    expect(first.held).toBe(1);
    expect(second.held).toBe(1);
    expect(second.runs.flatMap((r) => r.entries.map((x) => x.id))).toEqual(['e4']);
  });

  it('writes each entry once: the request body carries the texts the run was sized by', () => {
    const { runs } = planRuns([e(1, 'a'), e(2, 'a')], { a: session('a') });
    const body = JSON.parse(pushBody('tablet-1', runs[0]!.texts)) as { deviceId: string; entries: Entry[] };
    expect(body).toEqual({ deviceId: 'tablet-1', entries: [e(1, 'a'), e(2, 'a')] });
    expect(runs[0]!.bytes).toBe(runs[0]!.texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0));
  });
});
