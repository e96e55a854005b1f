// The entries one HIS message makes, written as ordinary entries: authored by the interface
// account, sealed (hashed), checked and stored by the same writeBatch as a tablet's push, inside
// the caller's transaction. Extra feed rows then route them where the patient now is
// (DESIGN.md, "Sync protocol": the feed re-sends a document's history into a new scope).
import { newId, type Entry, type UnsignedEntry } from '../../domain/entry';
import type { SessionUser } from '../../domain/protocol';
import { prepareBatch, writeBatch } from '../sync/append-entries';
import { entryHashHere } from '../sync/entry-hash';
import { rows, type Reader } from '../store/entries';
import type { FeedGroup } from './feed-group';

export interface InterfaceWriter {
  user: SessionUser;
  /** One device id per way in (his-mllp, his-fhir, his-import), each with its own deviceSeq. */
  deviceId: string;
}

/** What the feed decides about an entry; the rest (author, device, hash) is stamped at commit. */
/**
 * domain/hash.ts's seal (SHA-256 of the entry's canonical JSON), computed synchronously: WebCrypto's
 * digest is asynchronous, a thread-pool round trip for each of the entry or two every HIS message
 * makes. Tablets check these hashes when they pull (and feed-group-commit.test.ts does).
 */
function sealHere(u: UnsignedEntry): Entry {
  return { ...u, hash: entryHashHere(u) };
}

type Draft = Pick<Entry, 'docId' | 'docType' | 'kind' | 'parents' | 'scope' | 'patientId' | 'body'>;

export class FeedWrite {
  readonly #drafts: (Draft & { id: string })[] = [];
  readonly #routes: { entryId: string; scope: string }[] = [];
  readonly #resends: { patientId: string; scope: string }[] = [];

  constructor(
    private readonly group: FeedGroup,
    private readonly now: Date,
  ) {}

  get size(): number {
    return this.#drafts.length;
  }

  /** Queues an entry; returns its id (a create's docId is fresh unless given). */
  add(d: Omit<Draft, 'docId'> & { docId?: string }): { id: string; docId: string } {
    const id = newId();
    const docId = d.docId ?? newId();
    this.#drafts.push({ ...d, id, docId });
    return { id, docId };
  }

  /** Also deliver this entry to another scope (the ward a patient left, or the one she is in). */
  route(entryId: string, scope: string): void {
    this.#routes.push({ entryId, scope });
  }

  /** Deliver everything about this patient (her record and every document on her) to a scope. */
  resendPatient(patientId: string, scope: string): void {
    this.#resends.push({ patientId, scope });
  }

  /** Seals and stores the queued entries. Throws if any is refused: the caller rolls back. */
  async commit(): Promise<void> {
    const { sql, writer } = this.group;
    // Her history first, then what this message adds: the new ward reads them in that order.
    for (const r of this.#resends) await resend(sql, r.patientId, r.scope);
    if (this.#drafts.length > 0) {
      const author = { userId: writer.user.id, name: writer.user.name, role: writer.user.role };
      const createdAt = this.now.toISOString();
      const sealed = this.#drafts.map((d) => {
        const { patientId, ...rest } = d;
        return sealHere({ ...rest, ...(patientId ? { patientId } : {}), author, deviceId: writer.deviceId, deviceSeq: this.group.nextSeq(), createdAt });
      });
      // Sealed just above, from this server's own drafts; the message is kept whole or not at all.
      const checks = { sealedHere: true, wholeMessage: true };
      const batch = await prepareBatch(sealed, { user: writer.user, deviceId: writer.deviceId }, checks);
      const results = await writeBatch(this.group.trx, batch, this.now, checks);
      const refused = results.find((r) => r.status !== 'accepted');
      if (refused) throw new Error(`the feed's own entry was ${refused.status}: ${refused.reason ?? ''}`);
    }
    for (const r of this.#routes) await rows(sql, 'insert into feed (entry_id, scope) values (?, ?)', [r.entryId, r.scope]);
  }
}

const RESEND = `insert into feed (entry_id, scope)
  select e.id, ? from entries e
  where (e.doc_id = ? or e.patient_id = ?)
    and not exists (select 1 from feed f where f.entry_id = e.id and f.scope = ?)
  order by e.server_seq`;

/** Feed rows, in their original order, for every entry of the patient not yet in that scope. */
async function resend(db: Reader, patientId: string, scope: string): Promise<void> {
  await rows(db, RESEND, [scope, patientId, patientId, scope]);
}
