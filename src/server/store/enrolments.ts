// The server learns a provisional account (domain/provisional.ts) from its enrolment entry:
// recorded in the push's own transaction, as pending, for an admin to link or refuse
// (store/provisional.ts). Apart from that file so the decision, which writes an entry through the
// push path, and the push path do not import each other.
import type { Kysely } from 'kysely';
import type { Entry } from '../../domain/entry';
import type { EnrolmentBody } from '../../domain/provisional';
import { unitOfScope } from '../../domain/scope';
import { audit } from './audit';
import type { ReleveDatabase } from './schema';

/** Inside the push's transaction, right after the enrolment entry is stored. */
export async function recordEnrolment(db: Kysely<ReleveDatabase>, e: Entry, now: Date): Promise<void> {
  const body = e.body as EnrolmentBody;
  await db
    .insertInto('provisional_accounts')
    .values({
      id: body.accountId, username: body.username, name: body.name, role: body.role, unit_code: unitOfScope(e.scope) ?? '',
      enrolled_by: e.author.userId, enrolled_by_name: e.author.name, device_id: e.deviceId, enrolled_at: e.createdAt, entry_id: e.id,
      status: 'pending', linked_user_id: null, decided_at: null, decided_by: null, reason: null,
    })
    .execute();
  await audit(db, { event: 'provisional_enrolled', userId: e.author.userId, deviceId: e.deviceId, details: { accountId: body.accountId, name: body.name, role: body.role, unit: unitOfScope(e.scope), entryId: e.id } }, now);
}
