// What the ward board shows of a patient's notes (how many, when the last changed), kept as ONE
// row per patient (with, in project-doc.ts, each patient's ward indexed on her record). Under the vault every row read costs a decryption, and a board read every
// note of the ward only to count them (issue 9: ~107 rows opened, 78 of them notes). The row
// names each note with its last time and whether it was entered in error, so writing it again
// for the same note changes nothing (a page pulled twice, a reprojection) and the figures are
// always those of counting the notes. It is sealed like any row (only patientKey stays in clear)
// and written in the same transaction as the notes' projections (append.ts, apply-pull.ts,
// project-doc.ts): a board never sees a note without its count.
import Dexie from 'dexie';
import type { Entry } from '../../domain/entry';
import { bodyOf } from '../../domain/doc-bodies';
import type { DocRow, NoteSummaryRow, ReleveDb } from './schema';
import { onDataKeyChange } from './vault/data-key';
import { sealAhead } from './vault/sealed-ahead';

export interface NoteFigures {
  noteCount: number;
  lastNoteAt: string | null;
}

/** Counted as the board always counted: notes entered in error leave the count, not the last time. */
export function figuresOf(notes: Iterable<{ lastAt: string; retracted: boolean }>): NoteFigures {
  let noteCount = 0;
  let lastNoteAt: string | null = null;
  for (const n of notes) {
    if (!n.retracted) noteCount++;
    if (lastNoteAt === null || n.lastAt > lastNoteAt) lastNoteAt = n.lastAt;
  }
  return { noteCount, lastNoteAt };
}

export function summaryFigures(row: NoteSummaryRow | undefined): NoteFigures {
  return figuresOf(Object.values(row?.notes ?? {}));
}

type NoteMark = Pick<DocRow, 'docId' | 'docType' | 'patientKey' | 'lastAt' | 'retracted'>;

/** The patients whose summary these projections change (their notes' patientKey). */
function summaryKeys(docs: readonly NoteMark[]): string[] {
  return [...new Set(docs.filter((d) => d.docType === 'note').map((d) => d.patientKey))];
}

/**
 * The summaries this tab last wrote, by database and patient: what a write will most likely
 * find, so it can be sealed before its transaction (vault/sealed-ahead.ts). Only a guess (the
 * transaction reads the truth); forgotten at every lock, like every opened row.
 */
let lastWritten = new WeakMap<ReleveDb, Map<string, NoteSummaryRow>>();
onDataKeyChange(() => (lastWritten = new WeakMap()));

function written(db: ReleveDb): Map<string, NoteSummaryRow> {
  let rows = lastWritten.get(db);
  if (!rows) lastWritten.set(db, (rows = new Map()));
  return rows;
}

async function writeSummaries(db: ReleveDb, rows: readonly NoteSummaryRow[]): Promise<void> {
  await db.noteSummaries.bulkPut([...rows]);
  for (const row of rows) written(db).set(row.patientKey, row);
}

/** Each of `keys`' summary with these projections' notes marked in it, from what was held. */
function summariesWith(keys: readonly string[], held: readonly (NoteSummaryRow | undefined)[], docs: readonly NoteMark[]): NoteSummaryRow[] {
  const out = new Map(keys.map((k, i) => [k, { patientKey: k, notes: { ...(held[i]?.notes ?? {}) } }]));
  for (const d of docs) {
    if (d.docType === 'note') out.get(d.patientKey)!.notes[d.docId] = { lastAt: d.lastAt, retracted: d.retracted };
  }
  return [...out.values()];
}

/** Inside the caller's read-write transaction (which includes noteSummaries): marks these projections' notes. */
export async function markNotes(db: ReleveDb, docs: readonly DocRow[]): Promise<void> {
  const keys = summaryKeys(docs);
  if (keys.length === 0) return;
  const held = await db.noteSummaries.bulkGet(keys);
  await writeSummaries(db, summariesWith(keys, held, docs));
}

/**
 * Seals ahead what marking these notes will most likely write (a pulled page: the notes it
 * creates): from what this tab last wrote, else read now.
 */
export async function sealNotesAhead(db: ReleveDb, docs: readonly NoteMark[]): Promise<NoteSummaryRow[]> {
  const keys = summaryKeys(docs);
  if (keys.length === 0) return [];
  const memory = written(db);
  const unknown = keys.filter((k) => !memory.has(k));
  const read = unknown.length > 0 ? await db.noteSummaries.bulkGet(unknown) : [];
  const found = new Map(unknown.map((k, i) => [k, read[i]]));
  const rows = summariesWith(keys, keys.map((k) => memory.get(k) ?? found.get(k)), docs);
  await sealAhead('noteSummaries', rows);
  return rows;
}

/**
 * A save of `entry` on a note of patient `key`: its projection is `early` for a create, else
 * guessed. Returns the summary row it sealed: what the save will most likely write.
 */
export async function sealNoteAhead(db: ReleveDb, key: string, entry: Entry, early: DocRow | undefined): Promise<NoteSummaryRow | undefined> {
  const before = written(db).get(key)?.notes[entry.docId];
  const later = before && Date.parse(before.lastAt) > Date.parse(entry.createdAt);
  const mark = early ?? {
    docId: entry.docId,
    docType: 'note',
    patientKey: key,
    lastAt: later ? before.lastAt : entry.createdAt,
    retracted: (before?.retracted ?? false) || entry.kind === 'retract',
  };
  return (await sealNotesAhead(db, [mark]))[0];
}

const sameNotes = (a: NoteSummaryRow, b: NoteSummaryRow): boolean => {
  const keys = Object.keys(a.notes);
  return a.patientKey === b.patientKey && keys.length === Object.keys(b.notes).length && keys.every((k) => {
    const [x, y] = [a.notes[k]!, b.notes[k]];
    return y !== undefined && x.lastAt === y.lastAt && x.retracted === y.retracted;
  });
};

/**
 * Save path: `held` is the summary of `key` (her id, guessed from the draft), read with the
 * save's other reads. `put` is the row the save already wrote in the same round as those reads
 * (its guess, from sealNoteAhead): when it is what `held` gives, nothing more is written; else
 * the right row is written over it, in the same transaction.
 */
export async function markNote(db: ReleveDb, doc: DocRow, key: string | undefined, held: NoteSummaryRow | undefined, put?: NoteSummaryRow): Promise<void> {
  if (doc.docType !== 'note') return;
  const row = doc.patientKey === key ? held : await db.noteSummaries.get(doc.patientKey);
  const [next] = summariesWith([doc.patientKey], [row], [doc]);
  if (put && sameNotes(put, next!)) written(db).set(next!.patientKey, put);
  else await writeSummaries(db, [next!]);
}

/** Set once every summary and every patient's ward were built (a new tablet starts with it). */
export const BOARD_INDEX_BUILT = 'boardIndexBuilt';

/**
 * A tablet upgraded from before holds notes and no summaries, and patients without their ward:
 * at an unlock (rows must be opened), both are built in ONE transaction, all or none; retried
 * at the next unlock. Until then the board reads every patient and counts the notes as before.
 */
export async function buildBoardIndex(db: Dexie): Promise<number> {
  const [meta, docs, summaries] = [db.table('meta'), db.table('docs'), db.table('noteSummaries')];
  if ((await meta.get(BOARD_INDEX_BUILT)) !== undefined) return 0;
  return db.transaction('rw', docs, summaries, meta, async () => {
    if ((await meta.get(BOARD_INDEX_BUILT)) !== undefined) return 0; // another tab did it meanwhile
    const ofType = (docType: string) => docs.where('[docType+scope]').between([docType, Dexie.minKey], [docType, Dexie.maxKey]).toArray() as Promise<DocRow[]>;
    const [notes, patients] = await Promise.all([ofType('note'), ofType('patient')]);
    await summaries.clear();
    await Promise.all([
      summaries.bulkPut(summariesWith(summaryKeys(notes), [], notes)),
      docs.bulkPut(patients.flatMap((p) => {
        const ward = bodyOf(p, 'patient')?.unitCode;
        return ward === undefined ? [] : [{ ...p, ward }];
      })),
      meta.put({ key: BOARD_INDEX_BUILT, value: new Date().toISOString() }),
    ]);
    return notes.length + patients.length;
  });
}
