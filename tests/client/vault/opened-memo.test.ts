// The board lines opened at one unlock are kept sealed in one row, so the next unlock's first
// board read opens that row instead of every line. What must hold: it is only a shortcut (a line
// rewritten since is opened anew and shows its new figures; a memo that does not open is ignored),
// it is sealed like everything else, and the board is the same with it as without it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admitPatient, aNote, dupont, nurse } from '../helpers';
import { appendEntry } from '../../../src/client/db/append';
import { loadWard } from '../../../src/client/data/ward';
import { generateDataKey, setDataKey } from '../../../src/client/db/vault/data-key';
import { SEALED_FIELD } from '../../../src/client/db/vault/policy';
import { memoWritten } from '../../../src/client/db/vault/opened-memo';
import type { ReleveDb } from '../../../src/client/db/schema';
import { diskText, stopVaults, unlockAfresh, vaultDb } from './vault-fixture';

afterEach(() => {
  vi.restoreAllMocks();
  stopVaults();
  setDataKey(null);
});

const MEMO = 'openedMemo:noteSummaries';
const patients = [dupont, { ...dupont, ipp: '80000002', lastName: 'Bernard', room: '113' }, { ...dupont, ipp: '80000003', lastName: 'Petit', room: '114' }];

async function wardWithNotes() {
  const v = vaultDb();
  setDataKey(await generateDataKey());
  for (const body of patients) {
    const { entry } = await admitPatient(v.db, body);
    await appendEntry(v.db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: entry.id, body: aNote }, nurse);
  }
  return v;
}

/** The memo is written just after the read that opened lines (a task later): waits for it, then reads it on disk. */
async function memoOnDisk(raw: ReleveDb): Promise<Uint8Array> {
  await memoWritten();
  const row = (await raw.meta.get(MEMO)) as unknown as Record<string, Uint8Array> | undefined;
  if (!row) throw new Error('no memo written');
  return row[SEALED_FIELD]!;
}

const lineDecryptions = (decrypt: { mock: { calls: unknown[][] } }) => decrypt.mock.calls.length;

describe("the memo of the last unlock's board lines", () => {
  it('spares the next unlock a decryption per line: the board opens with one, the same board', async () => {
    const { db, disk } = await wardWithNotes();
    await unlockAfresh(db);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const first = await loadWard('MED', db);
    expect(first.map((r) => [r.patient.lastName, r.noteCount])).toEqual([['Dupont', 1], ['Bernard', 1], ['Petit', 1]]);
    expect(lineDecryptions(decrypt)).toBe(3); // no memo yet: each line
    const raw = disk();
    await memoOnDisk(raw);
    await unlockAfresh(db);
    decrypt.mockClear();
    expect(await loadWard('MED', db)).toEqual(first);
    expect(lineDecryptions(decrypt)).toBe(1); // the memo only
    raw.close();
  });

  it('a line rewritten since the memo is opened anew: the board shows the note written after it', async () => {
    const { db, disk } = await wardWithNotes();
    await unlockAfresh(db);
    const [dupontRow] = await loadWard('MED', db);
    const raw = disk();
    const before = await memoOnDisk(raw);
    await appendEntry(db, { docType: 'note', kind: 'create', parents: [], scope: 'unit:MED', patientId: dupontRow!.patientId, body: aNote }, nurse);
    await unlockAfresh(db);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const board = await loadWard('MED', db);
    expect(board.map((r) => r.noteCount)).toEqual([2, 1, 1]);
    expect(lineDecryptions(decrypt)).toBe(2); // the memo, and Dupont's new line
    // Written again with her new line: the unlock after needs the memo only.
    expect(Buffer.from(await memoOnDisk(raw)).equals(Buffer.from(before))).toBe(false);
    await unlockAfresh(db);
    decrypt.mockClear();
    expect(await loadWard('MED', db)).toEqual(board);
    expect(lineDecryptions(decrypt)).toBe(1);
    raw.close();
  });

  it('is sealed on disk (no name, birth date or IPP), and one that does not open is ignored: the lines are opened one by one', async () => {
    const { db, disk } = await wardWithNotes();
    await unlockAfresh(db);
    const board = await loadWard('MED', db);
    const raw = disk();
    const sealed = await memoOnDisk(raw);
    const onDisk = await diskText(raw);
    for (const p of patients) for (const secret of [p.lastName, p.ipp, p.birthDate]) expect(onDisk).not.toContain(secret);
    const changed = Uint8Array.from(sealed);
    changed[20] = changed[20]! ^ 1;
    await raw.meta.put({ key: MEMO, [SEALED_FIELD]: changed } as never);
    await unlockAfresh(db);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    expect(await loadWard('MED', db)).toEqual(board);
    expect(lineDecryptions(decrypt)).toBe(4); // the memo (refused), then each line
    raw.close();
  });

  it('nothing is read from it while locked: the board is empty, as without it', async () => {
    const { db, disk } = await wardWithNotes();
    await unlockAfresh(db);
    await loadWard('MED', db);
    const raw = disk();
    await memoOnDisk(raw);
    setDataKey(null);
    expect(await db.noteSummaries.toArray()).toEqual([]);
    raw.close();
  });
});
