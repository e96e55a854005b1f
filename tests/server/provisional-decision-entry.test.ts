// The tablets learn an admin's decision on a provisional account as data: entries never change,
// so the decision is appended to her enrolment document (one amend, by the admin, in the ward's
// scope) in the same transaction as the account's new status. Real SQLite file, real routes.
import { describe, expect, it } from 'vitest';
import { newId, type Entry } from '../../src/domain/entry';
import { ENROLMENT_DOC_TYPE } from '../../src/domain/provisional';
import { runCommand } from '../../src/server/cli/run-command';
import { entryBy, login, pullAll, push } from './helpers';
import { decide, provisionalWorlds, type World } from './provisional-world';

const world = provisionalWorlds();

/** What a MED tablet pulls of the enrolment document. */
async function enrolmentSeen(w: World): Promise<Entry[]> {
  return (await pullAll(w.app, w.nurse)).filter((e) => e.docId === w.enrol.docId);
}

describe('a decision reaches the tablets as an entry of the enrolment', () => {
  it('a link appends exactly one amend, by the admin, naming the real account; a replay adds nothing', async () => {
    const w = await world();
    expect((await decide(w, w.admin, { action: 'link', username: 'demo-nurse2' })).statusCode).toBe(200);
    expect((await decide(w, w.admin, { action: 'link', username: 'demo-nurse2' })).statusCode).toBe(409);
    expect((await decide(w, w.admin, { action: 'refuse', reason: 'trop tard' })).statusCode).toBe(409);
    const seen = await enrolmentSeen(w);
    expect(seen.map((e) => e.kind)).toEqual(['create', 'amend']);
    const nurse2 = await login(w.app, 'demo-nurse2');
    expect(seen[1]).toMatchObject({
      kind: 'amend', parents: [w.enrol.id], scope: 'unit:MED',
      author: { userId: w.admin.user.id, name: w.admin.user.name, role: 'admin' },
      body: { ...w.enrol.body, decision: { status: 'linked', account: { userId: nurse2.user.id, name: nurse2.user.name } } },
    });
  });

  it('a refusal appends exactly one amend with the reason', async () => {
    const w = await world();
    expect((await decide(w, w.admin, { action: 'refuse', reason: '  Inconnue du service ' })).statusCode).toBe(200);
    expect((await decide(w, w.admin, { action: 'refuse', reason: 'encore' })).statusCode).toBe(409);
    const seen = await enrolmentSeen(w);
    expect(seen.map((e) => e.kind)).toEqual(['create', 'amend']);
    expect(seen[1]?.body).toEqual({ ...w.enrol.body, decision: { status: 'refused', reason: 'Inconnue du service' } });
  });

  it('an unknown id (404) or a non-admin (403) appends nothing', async () => {
    const w = await world();
    expect((await decide(w, w.admin, { action: 'refuse', reason: 'x' }, newId())).statusCode).toBe(404);
    expect((await decide(w, w.charge, { action: 'refuse', reason: 'x' })).statusCode).toBe(403);
    expect((await decide(w, w.nurse, { action: 'link', username: 'demo-nurse2' })).statusCode).toBe(403);
    expect((await enrolmentSeen(w)).map((e) => e.kind)).toEqual(['create']);
  });

  it('a decision pushed by a tablet is refused unless it is the one recorded, and only once', async () => {
    const w = await world();
    const forged = (decision: object) => entryBy(w.admin, { docType: ENROLMENT_DOC_TYPE, docId: w.enrol.docId, kind: 'amend', parents: [w.enrol.id], scope: 'unit:MED', body: { ...w.enrol.body, decision } });
    const early = (await push(w.app, w.admin, [await forged({ status: 'refused', reason: 'moi' })])).results[0];
    expect(early).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/not the one recorded/) as string });
    expect((await decide(w, w.admin, { action: 'refuse', reason: 'moi' })).statusCode).toBe(200);
    const again = (await push(w.app, w.admin, [await forged({ status: 'refused', reason: 'moi' })])).results[0];
    expect(again).toMatchObject({ status: 'rejected' });
    expect((await enrolmentSeen(w)).map((e) => e.kind)).toEqual(['create', 'amend']);
  });

  it('at the CLI the decision is signed by --as (or the first admin)', async () => {
    const w = await world();
    await runCommand(['user', 'provisional', 'refuse', w.enrol.body.accountId, '--reason', 'doublon', '--as', 'demo-admin'], { store: w.store, env: {} });
    expect((await enrolmentSeen(w))[1]).toMatchObject({ author: { userId: w.admin.user.id }, body: { decision: { status: 'refused', reason: 'doublon' } } });
  });
});
