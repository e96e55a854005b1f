// "Envoyer au dossier principal": the server sends the episode's FHIR export to the main record
// (RELEVE_FHIR_EXPORT_URL) and answers where each document went. The answer is recorded in the
// worklist as the sender's own marks: each document still to re-enter becomes "ressaisi" with the
// main record's location as its reference. Typed addenda, so nothing conflicts with a colleague.
import { backEntryState } from '../../domain/recovery/back-entry';
import type { DocumentAnswer, SendAnswer } from '../../domain/recovery/fhir/answer';
import { currentSession } from '../db/meta';
import { db } from '../db/schema';
import { api, HttpError } from '../sync/http';
import { markBackEntry } from './recovery';

export interface SentExport extends SendAnswer {
  /** Documents this device marked ressaisi from the answer. */
  marked: number;
}

export type SendFailure = 'not-configured' | 'unreachable' | 'offline' | 'refused';

export class SendExportError extends Error {
  constructor(readonly reason: SendFailure, readonly details: string) {
    super(`${reason}: ${details}`);
    this.name = 'SendExportError';
  }
}

const REFERENCE_MAX = 200;

async function markSent(documents: readonly DocumentAnswer[], status: number | null): Promise<number> {
  let marked = 0;
  for (const d of documents) {
    const doc = await db().docs.get(d.docId);
    if (!doc || backEntryState(doc).status !== 'todo') continue;
    await markBackEntry(doc, 'done', { reference: (d.locations[0] ?? `FHIR HTTP ${status ?? '?'}`).slice(0, REFERENCE_MAX) });
    marked++;
  }
  return marked;
}

export async function sendExportToMainRecord(downtimeId: string, unit?: string): Promise<SentExport> {
  const session = await currentSession(db());
  let answer: Omit<SentExport, 'marked'>;
  try {
    answer = await api('/api/recovery/export/send', { token: session?.token ?? '', method: 'POST', body: { downtime: downtimeId, ...(unit ? { unit } : {}) }, timeoutMs: 90_000 });
  } catch (err) {
    if (!(err instanceof HttpError)) throw new SendExportError('offline', String(err));
    const reason: SendFailure = err.status === 409 ? 'not-configured' : err.status === 502 ? 'unreachable' : 'refused';
    throw new SendExportError(reason, String(err.body?.details ?? err.message));
  }
  return { ...answer, marked: answer.ok ? await markSent(answer.documents, answer.status) : 0 };
}
