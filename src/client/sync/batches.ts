// Cutting the outbox into push requests. Entries go in deviceSeq order, cut into runs of one
// author each, because the server only takes an entry from its own author's token and a later
// entry may name an earlier one as parent. A run is cut again at MAX_PUSH_ENTRIES entries or
// MAX_PUSH_BYTES bytes, whichever comes first, so no request meets the server's body limit.
import type { Entry } from '../../domain/entry';
import type { PushRequest } from '../../domain/protocol';
import { MAX_PUSH_BYTES, MAX_PUSH_ENTRIES } from '../../domain/sync-limits';
import type { StoredSession } from '../db/meta';

interface Run {
  session: StoredSession;
  entries: Entry[];
  /** Each entry as JSON, written once: what sizes the run and what the request carries (pushBody). */
  texts: string[];
  bytes: number;
}

export interface PushPlan {
  runs: Run[];
  /** Entries held back because their author must sign in again on this tablet. */
  held: number;
  /** Entries larger than any push may carry: set aside, their author told. */
  tooLarge: Entry[];
}

const encoder = new TextEncoder();
/** Reused: a run's 500 entries are sized without making 500 buffers (issue 15: 100 ms a push of 10 k). */
const scratch = new Uint8Array(256 * 1024);

function utf8Bytes(text: string): number {
  // At most 3 bytes per UTF-16 code unit. A larger entry (a big form) is sized on its own, so no
  // buffer of its size stays behind.
  if (text.length * 3 > scratch.length) return encoder.encode(text).length;
  return encoder.encodeInto(text, scratch).written;
}

/** The entry's size on the wire, in bytes (UTF-8 JSON). */
export const entryBytes = (e: Entry): number => utf8Bytes(JSON.stringify(e));

/** A push request's body (a PushRequest) from its entries' JSON texts, without writing them out again. */
export function pushBody(deviceId: string, texts: readonly string[]): string {
  const rest: Omit<PushRequest, 'entries'> = { deviceId };
  return `{"entries":[${texts.join(',')}],${JSON.stringify(rest).slice(1)}`;
}

function usable(s: StoredSession | undefined): s is StoredSession {
  return !!s && !s.expired && Date.parse(s.expiresAt) > Date.now();
}

/**
 * Cuts the outbox into runs a part at a time (the push reads it a run's worth at a time, in
 * deviceSeq order): what is held back in one part keeps holding back the later entries of its
 * document, or of its patient, in the next parts.
 */
export function runPlanner(sessions: Record<string, StoredSession>, maxBytes = MAX_PUSH_BYTES): { plan(entries: readonly Entry[]): PushPlan } {
  const heldDocs = new Set<string>();
  return {
    plan(entries) {
      const plan: PushPlan = { runs: [], held: 0, tooLarge: [] };
      for (const e of entries) {
        // A provisional account has no token: her entries go with her enroller's (domain/provisional.ts).
        const session = sessions[e.author.enrolledBy?.userId ?? e.author.userId];
        const text = JSON.stringify(e);
        const bytes = utf8Bytes(text);
        const waits = heldDocs.has(e.docId) || (e.patientId !== undefined && heldDocs.has(e.patientId));
        if (!waits && bytes > maxBytes) {
          heldDocs.add(e.docId);
          plan.tooLarge.push(e);
          continue;
        }
        if (!usable(session) || waits) {
          heldDocs.add(e.docId);
          plan.held++;
          continue;
        }
        const last = plan.runs[plan.runs.length - 1];
        const fits = last && last.entries.length < MAX_PUSH_ENTRIES && last.bytes + bytes <= maxBytes;
        if (last && last.session.user.id === session.user.id && fits) {
          last.entries.push(e);
          last.texts.push(text);
          last.bytes += bytes;
        } else {
          plan.runs.push({ session, entries: [e], texts: [text], bytes });
        }
      }
      return plan;
    },
  };
}

/**
 * Runs of consecutive same-author entries, holding back an author without a session, an entry
 * too large to send, and every later entry of a document either holds back (a note on a
 * patient whose create is held waits too: the server needs the patient first).
 */
export function planRuns(entries: readonly Entry[], sessions: Record<string, StoredSession>, maxBytes = MAX_PUSH_BYTES): PushPlan {
  return runPlanner(sessions, maxBytes).plan(entries);
}
