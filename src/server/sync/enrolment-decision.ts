// An admin's decision on a provisional account must reach the tablets that show her entries as
// "to be confirmed", and entries never change: so the decision is an entry too, the enrolment
// document's one amend, by the admin, in the ward's scope (domain/provisional.ts). It goes
// through the push path's own checks, inside the transaction that records the decision, so the
// account's status and what the tablets will pull never disagree.
import type { Kysely } from 'kysely';
import { newId, type Entry } from '../../domain/entry';
import { sealEntry } from '../../domain/hash';
import type { SessionUser } from '../../domain/protocol';
import { ENROLMENT_DOC_TYPE, type EnrolmentBody, type EnrolmentDecision } from '../../domain/provisional';
import type { ProvisionalRow, ReleveDatabase } from '../store/schema';
import { prepareBatch, writeBatch } from './append-entries';

/** The server writes decisions under a device of its own, with its own sequence. */
const DECISION_DEVICE_ID = 'server-admin';

/** Appends the decision to the enrolment of `row`; throws (rolling the decision back) if refused. */
export async function writeDecision(trx: Kysely<ReleveDatabase>, row: ProvisionalRow, decision: EnrolmentDecision, admin: SessionUser, now: Date): Promise<void> {
  const stored = await trx.selectFrom('entries').select('json').where('id', '=', row.entry_id).executeTakeFirstOrThrow();
  const enrolment = JSON.parse(stored.json) as Entry & { body: EnrolmentBody };
  const last = await trx.selectFrom('devices').select('last_device_seq').where('id', '=', DECISION_DEVICE_ID).executeTakeFirst();
  const entry = await sealEntry({
    id: newId(),
    docId: enrolment.docId,
    docType: ENROLMENT_DOC_TYPE,
    kind: 'amend',
    parents: [enrolment.id],
    scope: enrolment.scope,
    body: { ...enrolment.body, decision } satisfies EnrolmentBody,
    author: { userId: admin.id, name: admin.name, role: admin.role },
    deviceId: DECISION_DEVICE_ID,
    deviceSeq: (last?.last_device_seq ?? 0) + 1,
    createdAt: now.toISOString(),
  });
  const writer = { user: admin, deviceId: DECISION_DEVICE_ID };
  const [result] = await writeBatch(trx, await prepareBatch([entry], writer), now);
  if (result?.status !== 'accepted') throw new Error(`the decision on provisional account ${row.id} was not written: ${result?.reason ?? 'no result'}`);
}
