// A patient's line on the ward board, kept as ONE sealed row per patient: what the board shows of
// her record (her current body, whether it was entered in error, her ward) and of her notes (how
// many, when the last changed). Under the vault every row read costs a decryption, and a board
// read every note of the ward only to count them, then her record and a summary (issue 9: ~107
// rows opened, then ~54): now one row each, found by her ward. The row names each note with its
// last time and whether it was entered in error, so writing it again for the same note changes
// nothing (a page pulled twice, a reprojection) and the figures are always those of counting the
// notes. It is sealed like any row (patientKey and ward stay in clear, as on her record) and
// written in the same transaction as the projections it copies (append.ts, apply-pull.ts,
// project-doc.ts): a board never sees a note without its count, nor an old copy of her record.
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

type NoteMark = Pick<DocRow, 'docId' | 'docType' | 'patientKey' | 'lastAt' | 'retracted'> & Partial<DocRow>;

/** The documents a board line copies: her notes, and her record. */
const onBoardLine = (docType: string) => docType === 'note' || docType === 'patient';

/** The patients whose line these projections change (their notes' patientKey, a record's own). */
function summaryKeys(docs: readonly NoteMark[]): string[] {
  return [...new Set(docs.filter((d) => onBoardLine(d.docType)).map((d) => d.patientKey))];
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

/** Her record's part of the line, as the board shows it. */
type RecordPart = Pick<NoteSummaryRow, 'ward' | 'patient' | 'retracted'>;

function recordPart(doc: NoteMark): RecordPart {
  const patient = bodyOf(doc as DocRow, 'patient') ?? undefined;
  return { ...(doc.ward !== undefined ? { ward: doc.ward } : {}), ...(patient ? { patient, retracted: doc.retracted } : {}) };
}

/**
 * Each of `keys`' line with these projections marked in it, from what was held. Built afresh
 * in one field order, so a line sealed ahead and the same line written inside the transaction
 * are the same text.
 */
function summariesWith(keys: readonly string[], held: readonly (NoteSummaryRow | undefined)[], docs: readonly NoteMark[]): NoteSummaryRow[] {
  const notes = new Map(keys.map((k, i) => [k, { ...(held[i]?.notes ?? {}) }]));
  const records = new Map<string, RecordPart>(keys.map((k, i) => {
    const h = held[i];
    return [k, { ...(h?.ward !== undefined ? { ward: h.ward } : {}), ...(h?.patient ? { patient: h.patient, retracted: h.retracted ?? false } : {}) }];
  }));
  for (const d of docs) {
    if (d.docType === 'note') notes.get(d.patientKey)![d.docId] = { lastAt: d.lastAt, retracted: d.retracted };
    else if (d.docType === 'patient') records.set(d.patientKey, recordPart(d));
  }
  return keys.map((k) => ({ patientKey: k, notes: notes.get(k)!, ...records.get(k) }));
}

/** Inside the caller's read-write transaction (which includes noteSummaries): marks these projections (notes, records) in their lines. */
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
 * A save of `entry` on a note of patient `key` (or on her record): its projection is `early` for
 * a create, else guessed for a note; an amended record's line is sealed inside the transaction.
 * Returns the line it sealed: what the save will most likely write.
 */
export async function sealNoteAhead(db: ReleveDb, key: string, entry: Entry, early: DocRow | undefined): Promise<NoteSummaryRow | undefined> {
  if (!early && entry.docType !== 'note') return undefined;
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

const sameLine = (a: NoteSummaryRow, b: NoteSummaryRow): boolean => {
  const keys = Object.keys(a.notes);
  const sameRecord = a.ward === b.ward && a.retracted === b.retracted && JSON.stringify(a.patient) === JSON.stringify(b.patient);
  return a.patientKey === b.patientKey && sameRecord && keys.length === Object.keys(b.notes).length && keys.every((k) => {
    const [x, y] = [a.notes[k]!, b.notes[k]];
    return y !== undefined && x.lastAt === y.lastAt && x.retracted === y.retracted;
  });
};

/**
 * Save path: `held` is the line of `key` (her id, guessed from the draft), read with the
 * save's other reads. `put` is the row the save already wrote in the same round as those reads
 * (its guess, from sealNoteAhead): when it is what `held` gives, nothing more is written; else
 * the right row is written over it, in the same transaction.
 */
export async function markNote(db: ReleveDb, doc: DocRow, key: string | undefined, held: NoteSummaryRow | undefined, put?: NoteSummaryRow): Promise<void> {
  if (!onBoardLine(doc.docType)) return;
  const row = doc.patientKey === key ? held : await db.noteSummaries.get(doc.patientKey);
  const [next] = summariesWith([doc.patientKey], [row], [doc]);
  if (put && sameLine(put, next!)) written(db).set(next!.patientKey, put);
  else await writeSummaries(db, [next!]);
}

/**
 * Set once every board line and every patient's ward were built (a new tablet starts with it).
 * Tablets of the version before hold 'boardIndexBuilt': lines without their record, rebuilt.
 */
export const BOARD_LINES_BUILT = 'boardLinesBuilt';

/**
 * A tablet upgraded from before holds notes and no lines (or lines without her record), and
 * patients without their ward: at an unlock (rows must be opened), all are built in ONE
 * transaction, all or none; retried at the next unlock. Until then the board reads every
 * patient and counts the notes as before.
 */
export async function buildBoardIndex(db: Dexie): Promise<number> {
  const [meta, docs, summaries] = [db.table('meta'), db.table('docs'), db.table('noteSummaries')];
  if ((await meta.get(BOARD_LINES_BUILT)) !== undefined) return 0;
  return db.transaction('rw', docs, summaries, meta, async () => {
    if ((await meta.get(BOARD_LINES_BUILT)) !== undefined) return 0; // another tab did it meanwhile
    const ofType = (docType: string) => docs.where('[docType+scope]').between([docType, Dexie.minKey], [docType, Dexie.maxKey]).toArray() as Promise<DocRow[]>;
    const [notes, patients] = await Promise.all([ofType('note'), ofType('patient')]);
    const placed = patients.flatMap((p) => {
      const ward = bodyOf(p, 'patient')?.unitCode;
      return ward === undefined ? [] : [{ ...p, ward }];
    });
    const all = [...notes, ...placed];
    await summaries.clear();
    await Promise.all([
      summaries.bulkPut(summariesWith(summaryKeys(all), [], all)),
      docs.bulkPut(placed),
      meta.put({ key: BOARD_LINES_BUILT, value: new Date().toISOString() }),
    ]);
    return notes.length + patients.length;
  });
}
