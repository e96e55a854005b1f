// An amend or a resolve names the versions the nurse read when she started editing (baseHeads),
// not the document's heads at the moment she saves: if another tablet changed the note meanwhile,
// both edits are kept and it shows as conflicted, rather than hers silently replacing one she
// never read. On a tablet database (fake-indexeddb), through the data verbs the screens call.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/client/db/schema';
import type { NoteBody } from '../../src/domain/schemas';
import { admitPatient, dupont, nurse, signIn } from './helpers';

vi.mock('../../src/client/sync/loop', () => ({ requestSync: () => undefined }));

const { writeNote, amendNote, resolveNote } = await import('../../src/client/data/notes');

const note = (results: string): NoteBody => ({ target: 'Chute', data: 'Retrouvée au sol', actions: 'Surveillance', results });
const bodyOf = async (docId: string, entryId: string) => (await db().docs.get(docId))!.history.find((v) => v.entryId === entryId)?.body;

let patientId: string;
beforeAll(async () => {
  patientId = (await admitPatient(db(), dupont)).entry.docId;
  await signIn(db(), nurse);
});

async function newNote(): Promise<{ docId: string; first: string }> {
  await writeNote(patientId, note('v1'));
  const docs = await db().docs.where('[patientKey+docType]').equals([patientId, 'note']).toArray();
  const doc = docs.sort((a, b) => (a.firstAt < b.firstAt ? 1 : -1))[0]!;
  return { docId: doc.docId, first: doc.heads[0]! };
}

describe('writing from the versions she saw', () => {
  it('an amend started before another tablet amended names the version she read: both are kept', async () => {
    const { docId, first } = await newNote();
    await amendNote(docId, [first], note('v2 from the other tablet'));
    const meanwhile = (await db().docs.get(docId))!.heads;
    await amendNote(docId, [first], note('v2 from hers'));
    const after = (await db().docs.get(docId))!;
    expect(after.status).toBe('conflicted');
    expect(after.heads).toHaveLength(2);
    expect(after.heads).toContain(meanwhile[0]);
    expect(after.headVersions.map((v) => (v.body as NoteBody).results).sort()).toEqual(['v2 from hers', 'v2 from the other tablet']);
    expect(await bodyOf(docId, first)).toEqual(note('v1'));
  });

  it('a resolve of the two versions she compared leaves a third, written meanwhile, in conflict', async () => {
    const { docId, first } = await newNote();
    await amendNote(docId, [first], note('d'));
    await amendNote(docId, [first], note('e'));
    const both = (await db().docs.get(docId))!;
    const compared = both.heads;
    const d = both.headVersions.find((v) => (v.body as NoteBody).results === 'd')!.entryId;
    await amendNote(docId, [d], note('f, amending d'));
    await resolveNote(docId, compared, note('d and e merged'));
    const after = (await db().docs.get(docId))!;
    expect(after.status).toBe('conflicted');
    expect(after.headVersions.map((v) => (v.body as NoteBody).results).sort()).toEqual(['d and e merged', 'f, amending d']);
  });

  it('refuses an amend of a conflicted view and a resolve of a single version, writing nothing', async () => {
    const { docId, first } = await newNote();
    const before = (await db().docs.get(docId))!.entryCount;
    await expect(amendNote(docId, [first, 'other'], note('x'))).rejects.toThrow(/resolved, not amended/);
    await expect(resolveNote(docId, [first], note('x'))).rejects.toThrow(/only a conflicted document/);
    await expect(amendNote('no-such-doc', [first], note('x'))).rejects.toThrow(/unknown document/);
    expect((await db().docs.get(docId))!.entryCount).toBe(before);
  });
});
