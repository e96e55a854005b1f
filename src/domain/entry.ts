// The one record type of Relève: every document, clinical or reference, is a graph of
// immutable entries. See DESIGN.md, "The data model: everything is an entry".
import { z } from 'zod';

const ENTRY_KINDS = ['create', 'amend', 'addendum', 'retract', 'resolve'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * What the server noticed about an entry it accepted but wants a person to look at. Never a
 * reason to refuse: what a tablet wrote offline must not be lost over it (safety rule 1).
 * - clock_suspect: createdAt is before 2000 or after the server's next day (a reset clock);
 * - patient_inactive: the patient was retracted (entered in error) or discharged by then;
 * - patient_moved: the patient was in another ward by then (the entry keeps the ward it was written in);
 * - author_provisional: written by an account enrolled offline, not yet confirmed.
 */
const ENTRY_FLAGS = ['clock_suspect', 'patient_inactive', 'patient_moved', 'author_provisional'] as const;
export type EntryFlag = (typeof ENTRY_FLAGS)[number];

/** Who vouched for a provisional account enrolled offline (provisional.ts). */
interface EnrolledBy {
  userId: string;
  name: string;
}

export interface Author {
  userId: string;
  name: string;
  role: string;
  /** Set only on entries of a provisional account: the charge nurse who enrolled her offline. */
  enrolledBy?: EnrolledBy;
}

export interface Entry {
  id: string;
  docId: string;
  docType: string;
  kind: EntryKind;
  parents: string[];
  scope: string;
  patientId?: string;
  body: unknown;
  author: Author;
  deviceId: string;
  deviceSeq: number;
  createdAt: string;
  downtimeId?: string;
  hash: string;
  serverSeq?: number;
  receivedAt?: string;
  /** Set by the server when accepted, outside the hash. */
  flags?: EntryFlag[];
}

/** The fields the hash covers: everything but the hash and what the server adds. */
export type UnsignedEntry = Omit<Entry, 'hash' | 'serverSeq' | 'receivedAt' | 'flags'>;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export const uuidV7Schema = z.string().regex(UUID_V7, 'must be a UUIDv7');

export { newId } from './ids';

const authorSchema = z.strictObject({
  userId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  role: z.string().min(1).max(50),
  enrolledBy: z.strictObject({ userId: z.string().min(1).max(200), name: z.string().min(1).max(200) }).optional(),
});

// Wire shape of an entry. The body is checked separately, per docType (schemas/), so the
// reason given for a rejection can name the body field that is wrong.
export const entrySchema = z.strictObject({
  id: uuidV7Schema,
  docId: uuidV7Schema,
  docType: z.string().min(1).max(50),
  kind: z.enum(ENTRY_KINDS),
  parents: z.array(uuidV7Schema).max(64),
  scope: z.string().min(1).max(100),
  patientId: uuidV7Schema.optional(),
  body: z.unknown(),
  author: authorSchema,
  deviceId: z.string().min(1).max(100),
  deviceSeq: z.number().int().positive(),
  createdAt: z.iso.datetime({ offset: true }),
  downtimeId: uuidV7Schema.optional(),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256:<64 hex>'),
  serverSeq: z.number().int().positive().optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  flags: z.array(z.enum(ENTRY_FLAGS)).max(ENTRY_FLAGS.length).optional(),
});

/** Structural rules that hold whatever the docType: how kinds and parents fit together. */
export function entryShapeProblem(e: Pick<Entry, 'id' | 'kind' | 'parents'>): string | null {
  if (e.parents.includes(e.id)) return 'an entry cannot be its own parent';
  if (new Set(e.parents).size !== e.parents.length) return 'parents must not repeat';
  switch (e.kind) {
    case 'create':
      if (e.parents.length !== 0) return 'a create has no parents';
      return null;
    case 'amend':
    case 'addendum':
    case 'retract':
      if (e.parents.length !== 1) return `an ${e.kind} names exactly one parent`;
      return null;
    case 'resolve':
      if (e.parents.length < 2) return 'a resolve names every conflicting head (at least two)';
      return null;
  }
}
