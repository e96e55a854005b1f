// Documents are stored with each head's body once (db/doc-shape.ts), and read back as the very
// projection: one head, an amended history, a conflict, and a row stored before the change
// (read as it is, then rewritten at an unlock with nothing lost).
import { describe, expect, it } from 'vitest';
import { admitPatient, aNote, dupont, freshDb, nurse, nurse2 } from './helpers';
import { appendEntry } from '../../src/client/db/append';
import { packStoredDocs } from '../../src/client/db/doc-shape';
import { ReleveDb, type DocRow } from '../../src/client/db/schema';
import { projectedRow } from '../../src/client/db/project-doc';

/** A tablet database without the vault, and a second connection that sees the rows as stored. */
function plainTablet(): { db: ReleveDb; stored: () => ReleveDb } {
  const db = freshDb();
  db.unuse({ stack: 'dbcore', name: 'vault' });
  const stored = () => {
    const raw = new ReleveDb(db.name);
    raw.unuse({ stack: 'dbcore', name: 'vault' });
    raw.unuse({ stack: 'dbcore', name: 'doc-shape' });
    return raw;
  };
  return { db, stored };
}

const occurrences = (row: unknown, text: string) => JSON.stringify(row).split(text).length - 1;

async function projected(db: ReleveDb, docId: string): Promise<DocRow> {
  return projectedRow(await db.entries.where('docId').equals(docId).toArray());
}

/** Every way a screen reads documents: by key, several keys, an index, a cursor (filter). */
async function everyRead(db: ReleveDb, docId: string): Promise<unknown[]> {
  return [
    await db.docs.get(docId),
    (await db.docs.bulkGet([docId]))[0],
    (await db.docs.where('docId').equals(docId).toArray())[0],
    (await db.docs.filter((d) => d.docId === docId).toArray())[0],
  ];
}

describe('documents stored with each head body once', () => {
  it('keeps the current body once on disk for an amended note, and reads back the projection', async () => {
    const { db, stored } = plainTablet();
    const { entry: p } = await admitPatient(db);
    const { entry: n } = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    const amended = { ...aNote, results: 'EVA 1/10 à 2 h, endormie' };
    await appendEntry(db, { docId: n.docId, docType: 'note', kind: 'amend', parents: [n.id], scope: 'unit:MED', patientId: p.id, body: amended }, nurse);

    const raw = await stored().docs.get(n.docId);
    expect(occurrences(raw, 'EVA 1/10 à 2 h, endormie')).toBe(1); // was 3: body, headVersions, history
    expect(occurrences(raw, 'EVA 3/10 à 1 h')).toBe(1); // the first version, in the history only
    expect(occurrences(await stored().docs.get(p.id), dupont.ipp)).toBe(1);

    const want = await projected(db, n.docId);
    expect(want.history).toHaveLength(2);
    for (const read of await everyRead(db, n.docId)) expect(read).toEqual(want);
    expect(await db.docs.get(p.id)).toEqual(await projected(db, p.id));
  });

  it('keeps each head of a conflict once and reads the conflict back whole', async () => {
    const { db, stored } = plainTablet();
    const { entry: p } = await admitPatient(db);
    const { entry: n } = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    for (const [who, results] of [[nurse, 'Version de Camille'], [nurse2, 'Version d’Inès']] as const) {
      await appendEntry(db, { docId: n.docId, docType: 'note', kind: 'amend', parents: [n.id], scope: 'unit:MED', patientId: p.id, body: { ...aNote, results } }, who);
    }
    const raw = await stored().docs.get(n.docId);
    expect(occurrences(raw, 'Version de Camille')).toBe(1);
    expect(occurrences(raw, 'Version d’Inès')).toBe(1);
    const want = await projected(db, n.docId);
    expect(want.status).toBe('conflicted');
    for (const read of await everyRead(db, n.docId)) expect(read).toEqual(want);
  });

  it('reads a row stored before as it is, and rewrites it once at an unlock with nothing lost', async () => {
    const { db, stored } = plainTablet();
    const old = stored(); // the version before wrote through no doc-shape middleware
    const { entry: p } = await admitPatient(old);
    const { entry: n } = await appendEntry(old, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    old.close();
    expect(occurrences(await stored().docs.get(n.docId), 'EVA 3/10 à 1 h')).toBe(3);
    const before = await db.docs.toArray();
    expect(await db.docs.get(n.docId)).toEqual(await projected(db, n.docId));

    expect(await packStoredDocs(db)).toBe(2);
    expect(occurrences(await stored().docs.get(n.docId), 'EVA 3/10 à 1 h')).toBe(1);
    expect(await db.docs.toArray()).toEqual(before);
    expect(await packStoredDocs(db)).toBe(0); // once
  });
});

describe("a single head's version stored once, in the history (issue 15)", () => {
  it('a note with one head stores no head version, a conflict keeps them, and both read back whole', async () => {
    const { db, stored } = plainTablet();
    const { entry: p } = await admitPatient(db);
    const { entry: n } = await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: p.id, body: aNote }, nurse);
    const { entry: a } = await appendEntry(db, { docId: n.docId, docType: 'note', kind: 'amend', parents: [n.id], scope: 'unit:MED', patientId: p.id, body: { ...aNote, results: 'A' } }, nurse);
    await appendEntry(db, { docId: n.docId, docType: 'note', kind: 'addendum', parents: [a.id], scope: 'unit:MED', patientId: p.id, body: { text: 'vu' } }, nurse);
    const raw = (await stored().docs.get(n.docId)) as unknown as Record<string, unknown>;
    expect(raw).not.toHaveProperty('headVersions');
    expect(occurrences(raw, a.id)).toBe(3); // heads, its history version, the addendum's parent
    for (const read of await everyRead(db, n.docId)) expect(read).toEqual(await projected(db, n.docId));
    expect(await db.docs.get(p.id)).toEqual(await projected(db, p.id));
    await appendEntry(db, { docId: n.docId, docType: 'note', kind: 'amend', parents: [n.id], scope: 'unit:MED', patientId: p.id, body: { ...aNote, results: 'B' } }, nurse2);
    expect(await stored().docs.get(n.docId)).toHaveProperty('headVersions');
    const conflicted = await projected(db, n.docId);
    expect(conflicted.status).toBe('conflicted');
    for (const read of await everyRead(db, n.docId)) expect(read).toEqual(conflicted);
  });

  it('a row packed by the version before (head version kept, without its body) reads as it is', async () => {
    const { db, stored } = plainTablet();
    const { entry: p } = await admitPatient(db);
    const want = await projected(db, p.id);
    const raw = stored();
    const { body: _, ...head } = want.headVersions[0]!;
    await raw.docs.put({ ...want, headVersions: [head], history: [head], $headBodiesOnce: 1 } as unknown as DocRow);
    for (const read of await everyRead(db, p.id)) expect(read).toEqual(want);
  });
});
