// How entries hang together: parents, documents, conflicts and their resolution.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type Entry } from '../../src/domain/entry';
import type { Store } from '../../src/server/store/open-store';
import { amendOf, closeAll, entryBy, login, NOTE, patientsOf, push, testApp, type Tablet } from './helpers';

describe('push: the document graph', () => {
  let app: FastifyInstance;
  let store: Store;
  let tabletA: Tablet;
  let tabletB: Tablet;
  let med: Entry[];
  beforeAll(async () => {
    ({ app, store } = await testApp());
    tabletA = await login(app, 'demo-nurse', 'tablet-A');
    tabletB = await login(app, 'demo-nurse2', 'tablet-B');
    med = await patientsOf(store, 'MED');
  });
  afterAll(async () => closeAll(app, store));

  it('accepts a create and its amend in the same batch: parents may come earlier in the batch', async () => {
    const note = await entryBy(tabletA, { patient: med[0] });
    const amend = await amendOf(tabletA, note);
    const { results } = await push(app, tabletA, [note, amend]);
    expect(results.map((r) => [r.status, r.docStatus])).toEqual([['accepted', 'ok'], ['accepted', 'ok']]);
  });

  it('rejects a parent that comes later in the batch: order matters', async () => {
    const note = await entryBy(tabletA, { patient: med[0] });
    const amend = await amendOf(tabletA, note);
    const { results } = await push(app, tabletA, [amend, note]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/unknown document/) });
    expect(results[1]!.status).toBe('accepted');
  });

  it('rejects an unknown parent', async () => {
    const note = await entryBy(tabletA, { patient: med[1] });
    await push(app, tabletA, [note]);
    const ghost = newId();
    const amend = await entryBy(tabletA, { docId: note.docId, kind: 'amend', parents: [ghost], patientId: note.patientId! });
    const { results } = await push(app, tabletA, [amend]);
    expect(results[0]).toEqual({ id: amend.id, status: 'rejected', reason: `unknown parent ${ghost}` });
  });

  it('rejects a parent that belongs to another document', async () => {
    const noteX = await entryBy(tabletA, { patient: med[1] });
    const noteY = await entryBy(tabletA, { patient: med[1] });
    await push(app, tabletA, [noteX, noteY]);
    const crossed = await entryBy(tabletA, { docId: noteX.docId, kind: 'addendum', parents: [noteY.id], patientId: noteX.patientId!, body: { text: 'Vu' } });
    expect((await push(app, tabletA, [crossed])).results[0]!.reason).toBe(`unknown parent ${noteY.id}`);
  });

  it('rejects a non-create for a document that does not exist, and a second create of a document', async () => {
    const orphanAmend = await entryBy(tabletA, { patient: med[2], kind: 'amend', parents: [newId()] });
    expect((await push(app, tabletA, [orphanAmend])).results[0]!.reason).toMatch(/^unknown document .* needs the document's create first$/);
    const note = await entryBy(tabletA, { patient: med[2] });
    const secondCreate = await entryBy(tabletB, { patient: med[2], docId: note.docId });
    const { results } = await push(app, tabletA, [note]);
    expect(results[0]!.status).toBe('accepted');
    expect((await push(app, tabletB, [secondCreate])).results[0]!.reason).toBe(`document ${note.docId} already has a create`);
  });

  it('rejects an entry that would move a document to another scope, type or patient', async () => {
    const admin = await login(app, 'demo-admin');
    const note = await entryBy(admin, { patient: med[3] });
    await push(app, admin, [note]);
    const [chir] = await patientsOf(store, 'CHIR');
    const moved = await amendOf(admin, { ...note, scope: 'unit:CHIR' });
    expect((await push(app, admin, [moved])).results[0]!.reason).toBe(`document ${note.docId} lives in scope unit:MED, not unit:CHIR`);
    const otherPatient = await amendOf(admin, { ...note, patientId: chir!.docId });
    expect((await push(app, admin, [otherPatient])).results[0]!.reason).toBe(`document ${note.docId} belongs to another patient`);
  });

  it('keeps both versions of a concurrent edit: conflicted, then ok once resolved', async () => {
    const note = await entryBy(tabletA, { patient: med[4] });
    await push(app, tabletA, [note]);
    // Both tablets amend the same version while offline.
    const amendA = await amendOf(tabletA, note, { ...NOTE, results: 'EVA 2/10 (A)' });
    const amendB = await amendOf(tabletB, note, { ...NOTE, results: 'EVA 4/10 (B)' });
    expect((await push(app, tabletA, [amendA])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'ok' });
    expect((await push(app, tabletB, [amendB])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'conflicted' });
    // A retried push reports the document as it stands now.
    expect((await push(app, tabletA, [amendA])).results[0]).toMatchObject({ status: 'duplicate', docStatus: 'conflicted' });

    const resolve = await entryBy(tabletB, {
      docId: note.docId, kind: 'resolve', parents: [amendA.id, amendB.id], patientId: note.patientId!,
      body: { ...NOTE, results: 'EVA 3/10 (fusion A et B)' },
    });
    expect((await push(app, tabletB, [resolve])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'ok' });
    expect(store.sqlite.prepare('select count(*) as n from entries where doc_id = ?').get(note.docId)).toEqual({ n: 4 });
  });

  it('lets addenda and a retraction hang off a version without conflicting', async () => {
    const note = await entryBy(tabletA, { patient: med[5] });
    const addA = await entryBy(tabletA, { docId: note.docId, kind: 'addendum', parents: [note.id], patientId: note.patientId!, body: { text: 'Famille prévenue' } });
    const addB = await entryBy(tabletB, { docId: note.docId, kind: 'addendum', parents: [note.id], patientId: note.patientId!, body: { text: 'Médecin prévenu' } });
    await push(app, tabletA, [note, addA]);
    expect((await push(app, tabletB, [addB])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'ok' });
    // The note's author takes it back (another nurse may not: see integrity.test.ts).
    const retract = await entryBy(tabletA, { docId: note.docId, kind: 'retract', parents: [note.id], patientId: note.patientId!, body: { reason: 'Erreur de patient' } });
    expect((await push(app, tabletA, [retract])).results[0]).toMatchObject({ status: 'accepted', docStatus: 'ok' });
    const noReason = await entryBy(tabletB, { docId: note.docId, kind: 'retract', parents: [note.id], patientId: note.patientId!, body: { reason: ' ' } });
    expect((await push(app, tabletB, [noReason])).results[0]!.reason).toMatch(/a retraction needs a reason/);
  });
});
