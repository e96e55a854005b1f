import { describe, expect, it } from 'vitest';
import { projectAll, projectDocument } from '../../src/domain/project';
import {
  PATIENT_ID,
  UNIT_SCOPE,
  addendum,
  amend,
  asAccepted,
  chargeNadia,
  makeCreate,
  noteBody,
  nurseYanis,
  resolve,
  retract,
} from './fixtures';

const v1 = noteBody({ target: 'Douleur', data: 'EVA 6/10' });
const v2 = noteBody({ target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g' });
const v3 = noteBody({ target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g', results: 'EVA 2/10 à 15h' });

describe('projectDocument', () => {
  it('a single create is ok, with its body as the current body', async () => {
    const c = await makeCreate(v1);
    const s = projectDocument([c]);
    expect(s).toMatchObject({
      docId: c.docId,
      docType: 'note',
      scope: UNIT_SCOPE,
      patientId: PATIENT_ID,
      status: 'ok',
      heads: [c.id],
      body: v1,
      retracted: false,
      entryCount: 1,
      firstAt: c.createdAt,
      lastAt: c.createdAt,
    });
    expect(s.headVersions).toEqual([
      { entryId: c.id, kind: 'create', body: v1, author: c.author, deviceId: c.deviceId, createdAt: c.createdAt },
    ]);
    expect(s.history.map((v) => v.entryId)).toEqual([c.id]);
    expect(s.addenda).toEqual([]);
    expect(s.retractions).toEqual([]);
  });

  it('has no patientId when the document has none', async () => {
    const unit = await makeCreate({ code: 'CARDIO', name: 'Cardiologie' }, { docType: 'unit', scope: 'global' });
    const s = projectDocument([unit]);
    expect('patientId' in s).toBe(false);
    expect(s.scope).toBe('global');
  });

  it('an amend chain ends on the latest body', async () => {
    const c = await makeCreate(v1);
    const a1 = await amend(c, v2);
    const a2 = await amend(a1, v3);
    const s = projectDocument([c, a1, a2]);
    expect(s.status).toBe('ok');
    expect(s.heads).toEqual([a2.id]);
    expect(s.body).toEqual(v3);
    expect(s.history.map((v) => v.entryId)).toEqual([c.id, a1.id, a2.id]);
    expect(s.history.map((v) => v.body)).toEqual([v1, v2, v3]);
    expect(s.entryCount).toBe(3);
    expect(s.firstAt).toBe(c.createdAt);
    expect(s.lastAt).toBe(a2.createdAt);
  });

  it('does not let arrival order pick the current body', async () => {
    const c = await makeCreate(v1);
    const a1 = await amend(c, v2);
    const a2 = await amend(a1, v3);
    expect(projectDocument([a2, c, a1])).toEqual(projectDocument([c, a1, a2]));
  });

  it('two amends of the same parent make it conflicted: both heads kept, no current body', async () => {
    const c = await makeCreate(v1);
    const mine = await amend(c, v2, { deviceId: 'tab-cardio-1' });
    const theirs = await amend(c, v3, { deviceId: 'tab-cardio-2', author: nurseYanis });
    const s = projectDocument([c, mine, theirs]);
    expect(s.status).toBe('conflicted');
    expect(s.body).toBeNull();
    expect(s.heads).toEqual([mine.id, theirs.id].sort());
    expect(s.headVersions.map((v) => v.entryId)).toEqual(s.heads);
    const byId = new Map(s.headVersions.map((v) => [v.entryId, v]));
    expect(byId.get(mine.id)).toMatchObject({ kind: 'amend', body: v2, deviceId: 'tab-cardio-1' });
    expect(byId.get(theirs.id)).toMatchObject({ kind: 'amend', body: v3, deviceId: 'tab-cardio-2', author: nurseYanis });
    expect(s.history).toHaveLength(3);
  });

  it('a resolve that names both heads brings it back to ok, with the merged body', async () => {
    const c = await makeCreate(v1);
    const mine = await amend(c, v2);
    const theirs = await amend(c, v3, { deviceId: 'tab-cardio-2' });
    const merged = noteBody({ target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g', results: 'EVA 2/10, vu ensemble' });
    const r = await resolve([mine, theirs], merged, { author: chargeNadia });
    const s = projectDocument([c, mine, theirs, r]);
    expect(s.status).toBe('ok');
    expect(s.heads).toEqual([r.id]);
    expect(s.body).toEqual(merged);
    expect(s.headVersions).toEqual([expect.objectContaining({ entryId: r.id, kind: 'resolve', author: chargeNadia })]);
    // Both sides of the conflict stay in the history.
    expect(s.history.map((v) => v.entryId).sort()).toEqual([c.id, mine.id, theirs.id, r.id].sort());
  });

  it('a resolve that sees only some heads leaves the document conflicted', async () => {
    const c = await makeCreate(v1);
    const a = await amend(c, v2);
    const b = await amend(c, v3, { deviceId: 'tab-cardio-2' });
    const d = await amend(c, v1, { deviceId: 'tab-cardio-3' });
    const r = await resolve([a, b], v2);
    const s = projectDocument([c, a, b, d, r]);
    expect(s.status).toBe('conflicted');
    expect(s.heads).toEqual([d.id, r.id].sort());
  });

  it('an amend written after the resolve continues from it', async () => {
    const c = await makeCreate(v1);
    const a = await amend(c, v2);
    const b = await amend(c, v3, { deviceId: 'tab-cardio-2' });
    const r = await resolve([a, b], v3);
    const after = await amend(r, v1);
    const s = projectDocument([after, r, b, a, c]);
    expect(s).toMatchObject({ status: 'ok', heads: [after.id], body: v1 });
  });

  it('an addendum never conflicts and never becomes a head', async () => {
    const c = await makeCreate(v1);
    const a1 = await amend(c, v2);
    const add1 = await addendum(c, 'Famille prévenue', { deviceId: 'tab-cardio-2' });
    const add2 = await addendum(a1, 'Médecin de garde informé');
    const s = projectDocument([c, a1, add1, add2]);
    expect(s.status).toBe('ok');
    expect(s.heads).toEqual([a1.id]);
    expect(s.body).toEqual(v2);
    expect(s.history.map((v) => v.entryId)).toEqual([c.id, a1.id]);
    expect(s.addenda.map((a) => [a.entryId, a.parent, a.body])).toEqual(
      [
        [add1.id, c.id, { text: 'Famille prévenue' }],
        [add2.id, a1.id, { text: 'Médecin de garde informé' }],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    expect(s.entryCount).toBe(4);
  });

  it('an addendum on the only version of a document leaves it ok, with that version as head', async () => {
    const c = await makeCreate(v1);
    const add = await addendum(c, 'Vu');
    const s = projectDocument([add, c]);
    expect(s).toMatchObject({ status: 'ok', heads: [c.id], body: v1 });
  });

  it('a retract marks the document entered in error and keeps every entry', async () => {
    const c = await makeCreate(v1);
    const a1 = await amend(c, v2);
    const add = await addendum(a1, 'Famille prévenue');
    const r = await retract(a1, 'Mauvais patient', { author: chargeNadia });
    const s = projectDocument([c, a1, add, r]);
    expect(s.retracted).toBe(true);
    expect(s.retractions).toEqual([
      expect.objectContaining({ entryId: r.id, parent: a1.id, body: { reason: 'Mauvais patient' }, author: chargeNadia }),
    ]);
    // History intact: the versions, the current body and the addendum are all still there.
    expect(s.status).toBe('ok');
    expect(s.heads).toEqual([a1.id]);
    expect(s.body).toEqual(v2);
    expect(s.history.map((v) => v.entryId)).toEqual([c.id, a1.id]);
    expect(s.addenda.map((x) => x.entryId)).toEqual([add.id]);
    expect(s.entryCount).toBe(4);
  });

  it('a document that is not retracted says so', async () => {
    const c = await makeCreate(v1);
    expect(projectDocument([c, await amend(c, v2)]).retracted).toBe(false);
  });

  it('counts duplicates once, whatever server stamps the copies carry', async () => {
    const c = await makeCreate(v1);
    const a1 = await amend(c, v2);
    const add = await addendum(a1, 'Vu');
    const once = projectDocument([c, a1, add]);
    const dup = projectDocument([c, asAccepted(a1, 3), a1, add, asAccepted(c, 1), add, c]);
    expect(dup).toEqual(once);
    expect(dup.entryCount).toBe(3);
    expect(dup.history).toHaveLength(2);
    expect(dup.addenda).toHaveLength(1);
  });

  it('reports firstAt and lastAt by instant, even when device clocks write different UTC offsets', async () => {
    // 01:30+01:00 is 00:30Z: earlier than 01:10Z although it sorts later as text.
    const c = await makeCreate(v1, { createdAt: '2026-03-29T01:30:00+01:00' });
    const a1 = await amend(c, v2, { createdAt: '2026-03-29T01:10:00.000Z' });
    const a2 = await amend(a1, v3, { createdAt: '2026-03-29T00:50:00.000Z' });
    const s = projectDocument([a2, a1, c]);
    expect(s.firstAt).toBe('2026-03-29T01:30:00+01:00');
    expect(s.lastAt).toBe('2026-03-29T01:10:00.000Z');
  });

  it('refuses to project nothing', () => {
    expect(() => projectDocument([])).toThrow();
  });

  it('takes identity from the create even when a later entry arrives first', async () => {
    const c = await makeCreate(v1);
    const a1 = await amend(c, v2);
    expect(projectDocument([a1, c]).docId).toBe(c.docId);
    // A replica that holds only the amend still names the document.
    expect(projectDocument([a1])).toMatchObject({ docId: c.docId, docType: 'note', scope: UNIT_SCOPE, heads: [a1.id] });
  });
});

describe('projectAll', () => {
  it('groups entries by document, one state each', async () => {
    const noteA = await makeCreate(v1);
    const noteB = await makeCreate(v2);
    const a1 = await amend(noteA, v3);
    const b1 = await amend(noteB, v1);
    const b2 = await amend(noteB, v3, { deviceId: 'tab-cardio-2' });
    const unit = await makeCreate({ code: 'CARDIO', name: 'Cardiologie' }, { docType: 'unit', scope: 'global' });
    const all = projectAll([b2, noteA, unit, b1, a1, noteB, a1]);
    expect([...all.keys()].sort()).toEqual([noteA.docId, noteB.docId, unit.docId].sort());
    expect(all.get(noteA.docId)).toEqual(projectDocument([noteA, a1]));
    expect(all.get(noteB.docId)).toMatchObject({ status: 'conflicted', heads: [b1.id, b2.id].sort() });
    expect(all.get(unit.docId)).toMatchObject({ status: 'ok', docType: 'unit', body: { code: 'CARDIO', name: 'Cardiologie' } });
  });

  it('gives an empty map for no entries', () => {
    expect(projectAll([]).size).toBe(0);
  });
});
