// The tablet's database. Entries are the truth; docs is their projection, kept in the same
// transaction as the entry so a screen never sees one without the other.
import Dexie, { type EntityTable } from 'dexie';
import type { Entry } from '../../domain/entry';
import type { DocState } from '../../domain/project';
import type { PatientBody } from '../../domain/schemas';
import { vaultMiddleware } from './vault/middleware';
import { sealOnUnlock } from './vault/seal-on-unlock';
import { docShapeMiddleware } from './doc-shape';
import { BOARD_LINES_BUILT } from './note-summary';
import { keyringDb, type KeyringDb } from './keyring/keyring-db';

/** A projected document, as the screens read it. */
export interface DocRow extends DocState {
  /** The patient's docId for clinical documents, the document itself for a patient. */
  patientKey: string;
  /**
   * A patient's record only: the unit she is on now (her current unitCode; the HIS feed moves
   * her). Indexed, so in clear, like every document's scope: the ward board opens its own
   * ward's patients only, not every patient the tablet holds.
   */
  ward?: string;
}

type OutboxState = 'pending' | 'rejected';

/** Marks an entry that the server has not yet acknowledged. The entry itself lives in `entries`. */
export interface OutboxRow {
  entryId: string;
  authorId: string;
  state: OutboxState;
  /**
   * The entry's deviceSeq, in clear (an index field): the push reads the outbox in device order
   * without opening every entry. Absent on marks written before version 5.
   */
  deviceSeq?: number;
  reason: string | null;
  lastAttemptAt: string | null;
}

export interface DraftRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

/**
 * A patient's line on the ward board (note-summary.ts): what the board shows of her record and
 * of her notes, so the board opens one sealed row per patient.
 */
export interface NoteSummaryRow {
  patientKey: string;
  /** Her notes not entered in error. Absent only on a line written before session 25 (`notes`). */
  noteCount?: number;
  /** When any of her notes, entered in error or not, last changed; null with no note. */
  lastNoteAt?: string | null;
  /**
   * Lines written before session 25 named each note instead (the row grew with every note of a
   * stay, and was opened and sealed again at each): read as their counts (note-summary.ts
   * summaryFigures), never written again.
   */
  notes?: Record<string, { lastAt: string; retracted: boolean }>;
  /** From her record, once the tablet holds it: the ward she is on now (indexed, so in clear, as on her record). */
  ward?: string;
  /** Her record's current body (its newest head if in conflict) and whether it was entered in error. */
  patient?: PatientBody;
  retracted?: boolean;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class ReleveDb extends Dexie {
  entries!: EntityTable<Entry, 'id'>;
  docs!: EntityTable<DocRow, 'docId'>;
  outbox!: EntityTable<OutboxRow, 'entryId'>;
  drafts!: EntityTable<DraftRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  noteSummaries!: EntityTable<NoteSummaryRow, 'patientKey'>;

  readonly #keyring: KeyringDb | undefined;

  /**
   * The keyring that goes with this database: the tablet's own (one per origin, like the
   * database). A test that plays several tablets in one process gives each its own.
   */
  get keyring(): KeyringDb {
    return this.#keyring ?? keyringDb();
  }

  constructor(name = 'releve', opts: { keyring?: KeyringDb } = {}) {
    // 'strict' makes Chrome flush to disk before a transaction reports complete: once the UI
    // says "saved", a power cut cannot take the entry back (DESIGN.md, safety rule 1).
    super(name, { chromeTransactionDurability: 'strict' });
    this.#keyring = opts.keyring;
    this.version(1).stores({
      entries: 'id, docId, serverSeq',
      docs: 'docId, [docType+scope], [patientKey+docType], status',
      outbox: 'entryId, state, authorId',
      drafts: 'key',
      meta: 'key',
    });
    // What the ward board reads (note-summary.ts): per-patient note summaries, and each
    // patient's current ward. A tablet upgraded from before builds them at its next unlock;
    // a new one starts with them, empty and complete.
    this.version(2).stores({ noteSummaries: 'patientKey' });
    this.version(3).stores({ docs: 'docId, [docType+scope], [patientKey+docType], status, ward' });
    // Each summary becomes the patient's whole board line, found by her ward (rebuilt at the next unlock).
    this.version(4).stores({ noteSummaries: 'patientKey, ward' });
    // The outbox in device order, a run at a time (sync/push.ts); older marks are not in it, and
    // the push reads the whole outbox as before while any of them is pending.
    this.version(5).stores({ outbox: 'entryId, state, authorId, [state+deviceSeq]' });
    this.on('populate', (tx) => void tx.table('meta').add({ key: BOARD_LINES_BUILT, value: new Date().toISOString() }));
    // Encryption at rest (vault/): every non-index field is sealed with the data key.
    this.use(vaultMiddleware);
    // Above it, documents are stored with each head's body once (doc-shape.ts).
    this.use(docShapeMiddleware);
  }
}

let current: ReleveDb | null = null;

/** The app's database. Tests make their own with `new ReleveDb(name)`. */
export function db(): ReleveDb {
  if (!current) {
    current = new ReleveDb();
    sealOnUnlock(current);
  }
  return current;
}
