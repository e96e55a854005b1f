import { describe, it, expect } from 'vitest';
import { freshDb, nurse, admitPatient, aNote } from './helpers';
import { appendEntry } from '../../src/client/db/append';
import { applyServerEntries } from '../../src/client/db/apply-pull';
import { getMeta } from '../../src/client/db/meta';
import type { Entry } from '../../src/domain/entry';

function served(entries: Entry[], from = 1): Entry[] {
  return entries.map((e, i) => ({ ...e, serverSeq: from + i, receivedAt: new Date().toISOString() }));
}

describe('applying a pulled page', () => {
  it('stores new entries, projects their documents and moves the cursor in one go', async () => {
    const a = freshDb();
    const { entry: p } = await admitPatient(a);
    const n = await appendEntry(a, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    const page = served([p, n.entry]);

    const b = freshDb();
    const r = await applyServerEntries(b, page, 'global,unit:MED', 2);
    expect(r).toEqual({ added: 2, known: 0, corrupt: [] });
    expect(await b.docs.get(n.entry.docId)).toMatchObject({ status: 'ok', body: aNote, patientKey: p.id });
    expect(await getMeta(b, 'pullCursors')).toEqual({ 'global,unit:MED': 2 });
    expect(await b.outbox.count()).toBe(0);

    // the same page again (a retried pull) changes nothing
    const again = await applyServerEntries(b, page, 'global,unit:MED', 2);
    expect(again).toEqual({ added: 0, known: 2, corrupt: [] });
    expect(await b.entries.count()).toBe(2);
  });

  it('clears the outbox mark of our own entry when it comes back, even if the push answer was lost', async () => {
    const a = freshDb();
    const { entry: p } = await admitPatient(a);
    expect(await a.outbox.get(p.id)).toBeDefined();
    await applyServerEntries(a, served([p], 7), 'k', 7);
    expect(await a.outbox.get(p.id)).toBeUndefined();
    // the row is left as written here: only the mark said it was waiting
    expect(await a.entries.get(p.id)).toEqual(p);
  });

  it('refuses an entry whose hash does not match its content and still takes the rest', async () => {
    const a = freshDb();
    const { entry: p } = await admitPatient(a);
    const n = await appendEntry(a, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    const tampered = { ...n.entry, body: { ...aNote, data: 'autre chose' } };
    const b = freshDb();
    const r = await applyServerEntries(b, served([p, tampered]), 'k', 2);
    expect(r.corrupt).toEqual([n.entry.id]);
    expect(await b.entries.get(n.entry.id)).toBeUndefined();
    expect(await b.entries.get(p.id)).toBeDefined();
  });

  it('two devices that amend the same note offline both end up conflicted after exchanging entries', async () => {
    const a = freshDb();
    const { entry: p } = await admitPatient(a);
    const c = await appendEntry(a, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    const b = freshDb();
    await applyServerEntries(b, served([p, c.entry]), 'k', 2);
    const base = { docId: c.entry.docId, docType: 'note', kind: 'amend' as const, parents: [c.entry.id], scope: 'unit:MED', patientId: p.id };
    const fromA = await appendEntry(a, { ...base, body: { ...aNote, results: 'A' } }, nurse);
    const fromB = await appendEntry(b, { ...base, body: { ...aNote, results: 'B' } }, nurse);
    await applyServerEntries(a, served([fromB.entry], 3), 'k', 3);
    await applyServerEntries(b, served([fromA.entry], 4), 'k', 4);
    const da = await a.docs.get(c.entry.docId);
    const db2 = await b.docs.get(c.entry.docId);
    expect(da?.status).toBe('conflicted');
    expect(da?.heads).toEqual(db2?.heads);
    expect(da?.headVersions.map((v) => v.body)).toEqual(db2?.headVersions.map((v) => v.body));
  });
});
