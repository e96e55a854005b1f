// Issue 15: a save seals its rows BEFORE its transaction, so IndexedDB never waits on WebCrypto
// inside it; the vault's write must find those bytes ready, and must never write ready bytes
// that do not stand for the row being written.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admitPatient, aNote, freshDb, nurse } from '../helpers';
import { appendEntry } from '../../../src/client/db/append';
import { applyServerEntries, preparePage } from '../../../src/client/db/apply-pull';
import { generateDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import { sealAhead, sealedAheadCount } from '../../../src/client/db/vault/sealed-ahead';
import type { OutboxRow, ReleveDb } from '../../../src/client/db/schema';
import { stopVaults, vaultDb } from './vault-fixture';

afterEach(() => {
  vi.restoreAllMocks();
  stopVaults();
});

/** A fresh tablet database that knows how many of its read-write transactions are open. */
function watchedDb(): { db: ReleveDb; writing: () => boolean } {
  const db = freshDb();
  let open = 0;
  // Before the database's first use: Dexie builds its middleware stack when it opens.
  db.use({
    stack: 'dbcore',
    name: 'watch-transactions',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options);
        if (mode === 'readwrite') {
          open++;
          const done = () => open--;
          (trans as unknown as IDBTransaction).addEventListener('complete', done);
          (trans as unknown as IDBTransaction).addEventListener('abort', done);
        }
        return trans;
      },
    }),
  });
  return { db, writing: () => open > 0 };
}

/** The AES-GCM encryptions made while `run` runs, and how many of them while `writing` (they keep IndexedDB waiting). */
async function encryptions(writing: () => boolean, run: () => Promise<unknown>): Promise<{ all: number; inside: number }> {
  let inside = 0;
  const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
  const spy = vi.spyOn(crypto.subtle, 'encrypt').mockImplementation((...args) => {
    if (writing()) inside++;
    return encrypt(...args);
  });
  await run();
  const all = spy.mock.calls.length;
  spy.mockRestore();
  return { all, inside };
}

/** A new data key: nothing opened or sealed ahead before is known under it. */
async function newDataKey(): Promise<CryptoKey> {
  const key = await generateDataKey();
  setDataKey(key);
  return key;
}

const mark = (entryId: string, reason: string | null): OutboxRow => ({ entryId, authorId: nurse.userId, state: 'pending', reason, lastAttemptAt: null });

describe('rows sealed ahead of their write', () => {
  it("a note saved seals its entry, outbox mark, projection and the board's summary once each", async () => {
    const { db, writing } = watchedDb();
    const key = await newDataKey();
    const { entry: patient } = await admitPatient(db);
    const draft = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote };
    let saved: Awaited<ReturnType<typeof appendEntry>> | undefined;
    expect(await encryptions(writing, async () => (saved = await appendEntry(db, draft, nurse)))).toEqual({ all: 4, inside: 0 });
    setDataKey(null);
    setDataKey(key);
    expect(await db.entries.get(saved!.entry.id)).toEqual(saved!.entry);
    expect((await db.docs.get(saved!.entry.docId))?.body).toEqual(aNote);
    expect(await db.outbox.get(saved!.entry.id)).toMatchObject({ state: 'pending', authorId: nurse.userId });
    expect(sealedAheadCount()).toBe(0); // nothing clear left waiting in memory
    expect(await db.noteSummaries.get(patient.id)).toMatchObject({ noteCount: 1, lastNoteAt: saved!.entry.createdAt });
    // An amend's summary is guessed before its projection is known: sealed ahead too. Only the
    // projection is sealed inside (it needs the history read there).
    const amend = { ...draft, docId: saved!.entry.docId, kind: 'amend' as const, parents: [saved!.entry.id], body: { ...aNote, results: 'EVA 1/10' } };
    expect(await encryptions(writing, () => appendEntry(db, amend, nurse))).toEqual({ all: 4, inside: 1 });
  });

  it('a pulled page seals its entries and the documents it creates once each, and stores them as projected', async () => {
    const author = freshDb();
    const key = await newDataKey();
    const { entry: patient } = await admitPatient(author);
    const draft = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote };
    const notes = [(await appendEntry(author, draft, nurse)).entry, (await appendEntry(author, draft, nurse)).entry];
    const amend = { ...draft, docId: notes[0]!.docId, kind: 'amend' as const, parents: [notes[0]!.id], body: { ...aNote, results: 'EVA 1/10' } };
    const page = [patient, ...notes, (await appendEntry(author, amend, nurse)).entry].map((e, i) => ({ ...e, serverSeq: i + 1, receivedAt: e.createdAt }));
    const { db: tablet, writing } = watchedDb();
    // 4 entries, 3 documents and the patient's note summary.
    expect(await encryptions(writing, () => applyServerEntries(tablet, page, 'unit:MED', 4))).toEqual({ all: 8, inside: 0 });
    setDataKey(null);
    setDataKey(key);
    for (const docId of [patient.id, notes[0]!.docId, notes[1]!.docId]) {
      expect(await tablet.docs.get(docId)).toEqual(await author.docs.get(docId));
    }
    expect((await tablet.docs.get(notes[0]!.docId))?.body).toMatchObject({ results: 'EVA 1/10' });
    expect(await tablet.noteSummaries.get(patient.id)).toEqual(await author.noteSummaries.get(patient.id));
    // A page already held: its entries sealed ahead are not used, and not kept either.
    await applyServerEntries(tablet, page, 'unit:MED', 4);
    expect(sealedAheadCount()).toBe(0);
  });

  it('a later page amending a document the tablet holds seals its new projection and summary ahead too', async () => {
    const author = freshDb();
    await newDataKey();
    const { entry: patient } = await admitPatient(author);
    const draft = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote };
    const note = (await appendEntry(author, draft, nurse)).entry;
    const amend = (await appendEntry(author, { ...draft, docId: note.docId, kind: 'amend', parents: [note.id], body: { ...aNote, results: 'EVA 1/10' } }, nurse)).entry;
    const served = (entries: typeof note[], from: number) => entries.map((e, i) => ({ ...e, serverSeq: from + i, receivedAt: e.createdAt }));
    const { db: tablet, writing } = watchedDb();
    await applyServerEntries(tablet, served([patient, note], 1), 'unit:MED', 2);
    // The amend's entry, the note's projection (read from what the tablet holds) and her summary.
    expect(await encryptions(writing, () => applyServerEntries(tablet, served([amend], 3), 'unit:MED', 3))).toEqual({ all: 3, inside: 0 });
    expect(await tablet.docs.get(note.docId)).toEqual(await author.docs.get(note.docId));
    expect(await tablet.noteSummaries.get(patient.id)).toEqual(await author.noteSummaries.get(patient.id));
  });

  it("the next save and the next page read their patient's summary, rewritten each time, without decrypting it", async () => {
    const author = freshDb();
    await newDataKey();
    const { entry: patient } = await admitPatient(author);
    const draft = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote };
    await appendEntry(author, draft, nurse);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    // Its summary is read in the same round as the guessed one is written, and sealed ahead before.
    const notes = [(await appendEntry(author, draft, nurse)).entry, (await appendEntry(author, draft, nurse)).entry];
    expect(decrypt).not.toHaveBeenCalled();
    const served = (entries: typeof notes, from: number) => entries.map((e, i) => ({ ...e, serverSeq: from + i, receivedAt: e.createdAt }));
    const tablet = freshDb();
    await applyServerEntries(tablet, served([patient, notes[0]!], 1), 'unit:MED', 2);
    await applyServerEntries(tablet, served([notes[1]!], 3), 'unit:MED', 3);
    expect(decrypt).not.toHaveBeenCalled();
    expect(await tablet.noteSummaries.get(patient.id)).toMatchObject({ noteCount: 2, lastNoteAt: notes[1]!.createdAt });
  });

  it('a page prepared while the page before is written keeps its sealed entries for its own transaction', async () => {
    const author = freshDb();
    await newDataKey();
    const { entry: patient } = await admitPatient(author);
    const draft = { docType: 'note', kind: 'create' as const, parents: [], scope: 'unit:MED', patientId: patient.id, body: aNote };
    const notes = [(await appendEntry(author, draft, nurse)).entry, (await appendEntry(author, draft, nurse)).entry];
    const served = (entries: typeof notes, from: number) => entries.map((e, i) => ({ ...e, serverSeq: from + i, receivedAt: e.createdAt }));
    const [first, second] = [served([patient, notes[0]!], 1), served([notes[1]!], 3)];
    const { db: tablet, writing } = watchedDb();
    // As the pull does: the next page's checks and entries start before this page is written.
    const prepared = preparePage(second);
    await Promise.all([applyServerEntries(tablet, first, 'unit:MED', 2), prepared.sealed]);
    // Left to seal: the note's projection and her summary; its entry was sealed by preparePage.
    expect(await encryptions(writing, () => applyServerEntries(tablet, second, 'unit:MED', 3, prepared))).toEqual({ all: 2, inside: 0 });
    expect(await tablet.entries.get(notes[1]!.id)).toEqual(second[0]);
    expect(sealedAheadCount()).toBe(0);
  });

  it('a row changed after it was sealed ahead is stored as written, not as sealed ahead', async () => {
    const { db } = vaultDb();
    const key = await newDataKey();
    await sealAhead('outbox', [mark('e-1', 'ahead')]);
    await db.outbox.put(mark('e-1', 'as written'));
    setDataKey(null);
    setDataKey(key);
    expect((await db.outbox.get('e-1'))?.reason).toBe('as written');
  });

  it('bytes sealed ahead under another key are not used, and nothing is sealed ahead while locked', async () => {
    const { db } = vaultDb();
    await newDataKey();
    await sealAhead('outbox', [mark('e-2', 'old key')]);
    const key = await newDataKey();
    await db.outbox.put(mark('e-2', 'old key'));
    setDataKey(null);
    expect(await encryptions(() => false, () => sealAhead('outbox', [mark('e-3', null)]))).toEqual({ all: 0, inside: 0 });
    await expect(db.outbox.put(mark('e-3', null))).rejects.toMatchObject({ name: 'VaultLockedError' });
    setDataKey(key);
    expect((await db.outbox.get('e-2'))?.reason).toBe('old key');
    expect(await db.outbox.get('e-3')).toBeUndefined();
  });
});
