// Admin editing of reference content (procedures, contacts, units, call trees). Online only:
// the crisis cell edits from a PC on the network, so an edit reaches every tablet at the next
// sync and two admins rarely cross. Each save is an amend (or a create, or the resolve of a
// conflict), so the version history keeps every author.
import type { DocState } from '../../domain/project';
import { GLOBAL_SCOPE } from '../../domain/scope';
import { api, OfflineError } from '../sync/http';
import { amendDoc, createDoc, resolveDoc } from './documents';

export class OfflineEditError extends Error {
  constructor() {
    super('offline');
    this.name = 'OfflineEditError';
  }
}

/** Asks the server itself: navigator.onLine says nothing about a dead uplink. */
async function serverReachable(): Promise<boolean> {
  try {
    await api('/api/health', { timeoutMs: 5000 });
    return true;
  } catch (err) {
    if (err instanceof OfflineError) return false;
    return true; // the server answered, even if with an error
  }
}

/** Saves a new reference document or a new version of one; returns its docId. */
export async function saveReference(docType: string, existing: DocState | null, body: unknown): Promise<string> {
  if (!(await serverReachable())) throw new OfflineEditError();
  if (!existing) return (await createDoc(docType, GLOBAL_SCOPE, body)).doc.docId;
  if (existing.heads.length > 1) await resolveDoc(existing.docId, existing.heads, body);
  else await amendDoc(existing.docId, existing.heads, body);
  return existing.docId;
}
