// A patient's line on the ward board, kept as ONE sealed row per patient: what the board shows of
// her record (her current body, whether it was entered in error, her ward) and of her notes (how
// many, when the last changed). Under the vault every row read costs a decryption, and a board
// read every note of the ward only to count them, then her record and a summary (issue 9: ~107
// rows opened, then ~54): now one row each, found by her ward. The row has a fixed size (issue
// 15): it named each note until session 25, so it grew with every note of a stay and each save
// and each pulled page opened, rewrote and sealed it again (30 rows of up to ~330 notes per page
// of a fresh tablet's pull). Its figures now move by what each write changes: a note new on this
// tablet counts, one entered in error leaves the count, and the last time only moves forward (a
// note's lastAt never goes back as entries add up), so each writer passes the projection it
// writes with what the tablet held of that document before (`Marked`), read in the same
// transaction. A page pulled twice writes nothing new (held entries are not reprojected). It is
// sealed like any row (patientKey and ward stay in clear, as on her record) and written in the
// same transaction as the projections it copies (append.ts, apply-pull.ts, project-doc.ts): a
// board never sees a note without its count, nor an old copy of her record.
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

/** A line's figures; a line written before session 25 names each note instead: counted. */
export function summaryFigures(row: NoteSummaryRow | undefined): NoteFigures {
  if (row?.noteCount !== undefined) return { noteCount: row.noteCount, lastNoteAt: row.lastNoteAt ?? null };
  return figuresOf(Object.values(row?.notes ?? {}));
}

type NoteMark = Pick<DocRow, 'docId' | 'docType' | 'patientKey' | 'lastAt' | 'retracted'> & Partial<DocRow>;

/**
 * A projection about to be written, and what this tablet held of that document before, as its
 * projection stood (none: new here). Only a note's `before` counts: whose it was, and whether it
 * was entered in error.
 */
export interface Marked<D extends NoteMark = NoteMark> {
  doc: D;
  before?: Pick<DocRow, 'docType' | 'patientKey' | 'retracted'> | undefined;
}

/** The documents a board line copies: her notes, and her record. */
const onBoardLine = (docType: string) => docType === 'note' || docType === 'patient';

/** A note held before under another patient key: her line loses it. */
const formerKey = ({ doc, before }: Marked) =>
  doc.docType === 'note' && before?.docType === 'note' && before.patientKey !== doc.patientKey ? [before.patientKey] : [];

/** The patients whose line these projections change (their notes' patientKey, a record's own). */
function summaryKeys(changes: readonly Marked[]): string[] {
  return [...new Set(changes.filter((c) => onBoardLine(c.doc.docType)).flatMap((c) => [c.doc.patientKey, ...formerKey(c)]))];
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

function heldRecord(h: NoteSummaryRow | undefined): RecordPart {
  return { ...(h?.ward !== undefined ? { ward: h.ward } : {}), ...(h?.patient ? { patient: h.patient, retracted: h.retracted ?? false } : {}) };
}

/** What one note's new projection changes in the figures of her line (and of her former one). */
function markOne(lines: Map<string, { figures: NoteFigures }>, { doc, before }: Marked): void {
  const was = before?.docType === 'note' ? lines.get(before.patientKey) : undefined;
  if (was && !before!.retracted) was.figures.noteCount--;
  const line = lines.get(doc.patientKey)!.figures;
  if (!doc.retracted) line.noteCount++;
  if (line.lastNoteAt === null || doc.lastAt > line.lastNoteAt) line.lastNoteAt = doc.lastAt;
}

/**
 * Each of `keys`' line with these projections marked in it, from what was held. Built afresh
 * in one field order, so a line sealed ahead and the same line written inside the transaction
 * are the same text. A line of before session 25 comes out in the new shape, its notes counted.
 */
function summariesWith(keys: readonly string[], held: readonly (NoteSummaryRow | undefined)[], changes: readonly Marked[]): NoteSummaryRow[] {
  const lines = new Map(keys.map((k, i) => [k, { figures: summaryFigures(held[i]), record: heldRecord(held[i]) }]));
  for (const change of changes) {
    if (change.doc.docType === 'note') markOne(lines, change);
    else if (change.doc.docType === 'patient') lines.get(change.doc.patientKey)!.record = recordPart(change.doc);
  }
  return keys.map((k) => {
    const { figures, record } = lines.get(k)!;
    return { patientKey: k, noteCount: figures.noteCount, lastNoteAt: figures.lastNoteAt, ...record };
  });
}

/** Inside the caller's read-write transaction (which includes noteSummaries): marks these projections (notes, records) in their lines. */
export async function markNotes(db: ReleveDb, changes: readonly Marked[]): Promise<void> {
  const keys = summaryKeys(changes);
  if (keys.length === 0) return;
  const held = await db.noteSummaries.bulkGet(keys);
  await writeSummaries(db, summariesWith(keys, held, changes));
}

/**
 * Seals ahead what marking these notes will most likely write (a pulled page: the notes it
 * creates): from what this tab last wrote, else read now.
 */
export async function sealNotesAhead(db: ReleveDb, changes: readonly Marked[]): Promise<NoteSummaryRow[]> {
  const keys = summaryKeys(changes);
  if (keys.length === 0) return [];
  const memory = written(db);
  const unknown = keys.filter((k) => !memory.has(k));
  const read = unknown.length > 0 ? await db.noteSummaries.bulkGet(unknown) : [];
  const found = new Map(unknown.map((k, i) => [k, read[i]]));
  const rows = summariesWith(keys, keys.map((k) => memory.get(k) ?? found.get(k)), changes);
  await sealAhead('noteSummaries', rows);
  return rows;
}

/**
 * A save of `entry` on a note of patient `key`: its projection is `early` for a create; for a
 * later entry, guessed as a note of hers not yet entered in error. The transaction checks.
 * Returns the line it sealed: what the save will most likely write.
 */
export async function sealNoteAhead(db: ReleveDb, key: string, entry: Entry, early: DocRow | undefined): Promise<NoteSummaryRow | undefined> {
  if (!early && entry.docType !== 'note') return undefined;
  const change: Marked = early ? { doc: early } : {
    doc: { docId: entry.docId, docType: 'note', patientKey: key, lastAt: entry.createdAt, retracted: entry.kind === 'retract' },
    before: { docType: 'note', patientKey: key, retracted: false },
  };
  return (await sealNotesAhead(db, [change]))[0];
}

/**
 * Save path: `held` is the line of `key` (her id, guessed from the draft), read with the
 * save's other reads. `put` is the row the save already wrote in the same round as those reads
 * (its guess, from sealNoteAhead): when it is what `held` gives, nothing more is written; else
 * the right row is written over it, in the same transaction.
 */
export async function markNote(db: ReleveDb, change: Marked, key: string | undefined, held: NoteSummaryRow | undefined, put?: NoteSummaryRow): Promise<void> {
  const { doc } = change;
  if (!onBoardLine(doc.docType)) return;
  if (formerKey(change).length > 0) return markNotes(db, [change]);
  const row = doc.patientKey === key ? held : await db.noteSummaries.get(doc.patientKey);
  const [next] = summariesWith([doc.patientKey], [row], [change]);
  if (put && JSON.stringify(put) === JSON.stringify(next)) written(db).set(next!.patientKey, put);
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
    const all = [...notes, ...placed].map((doc): Marked => ({ doc })); // each counted once, as new
    await summaries.clear();
    await Promise.all([
      summaries.bulkPut(summariesWith(summaryKeys(all), [], all)),
      docs.bulkPut(placed),
      meta.put({ key: BOARD_LINES_BUILT, value: new Date().toISOString() }),
    ]);
    return notes.length + patients.length;
  });
}
