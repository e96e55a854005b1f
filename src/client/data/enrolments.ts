// The colleagues enrolled offline that this tablet knows of, and what an admin decided on each
// (domain/provisional.ts). Entries never change, so her entries keep the flag the server put on
// them when it accepted them; the decision arrives later as a new version of her enrolment,
// pulled with the ward, and the bylines, the header and the sync page read it from here.
import Dexie from 'dexie';
import { useMemo } from 'react';
import { useLockAwareLiveQuery } from './lock-aware-live-query';
import type { EnrolmentBody, EnrolmentDecision } from '../../domain/provisional';
import { ENROLMENT_DOC_TYPE } from '../../domain/enrolment-type';
import { db, type DocRow, type ReleveDb } from '../db/schema';

export interface EnrolmentView {
  accountId: string;
  name: string;
  /** Her enroller, as the enrolment's first version is signed. */
  enrolledBy: string;
  enrolledAt: string;
  /** Absent while no admin has decided (or the tablet has not pulled it yet). */
  decision?: EnrolmentDecision;
}

function viewOf(doc: DocRow): EnrolmentView | null {
  const body = (doc.body ?? doc.headVersions.at(-1)?.body) as EnrolmentBody | undefined;
  const first = doc.history[0];
  if (!body || !first) return null;
  return { accountId: body.accountId, name: body.name, enrolledBy: first.author.name, enrolledAt: first.createdAt, ...(body.decision ? { decision: body.decision } : {}) };
}

export async function loadEnrolments(d: ReleveDb = db()): Promise<EnrolmentView[]> {
  const docs = await d.docs.where('[docType+scope]').between([ENROLMENT_DOC_TYPE, Dexie.minKey], [ENROLMENT_DOC_TYPE, Dexie.maxKey]).toArray();
  return docs.map(viewOf).filter((v): v is EnrolmentView => v !== null).sort((a, b) => a.enrolledAt.localeCompare(b.enrolledAt));
}

/** Every enrolment on this tablet, oldest first; undefined while loading. */
export function useEnrolments(): EnrolmentView[] | undefined {
  return useLockAwareLiveQuery(() => loadEnrolments(), []);
}

/** The decisions among them, by account id: what the bylines read. */
export function decisionsOf(enrolments: readonly EnrolmentView[]): ReadonlyMap<string, EnrolmentDecision> {
  return new Map(enrolments.flatMap((e) => (e.decision ? [[e.accountId, e.decision] as const] : [])));
}

/** decisionsOf this tablet's enrolments, kept current (the app frame provides it to every screen). */
export function useProvisionalDecisions(): ReadonlyMap<string, EnrolmentDecision> {
  const enrolments = useEnrolments();
  return useMemo(() => decisionsOf(enrolments ?? []), [enrolments]);
}
