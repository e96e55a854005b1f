// Declaring a downtime episode (offline too: it stamps this tablet's entries at once), ending it,
// keeping one version after a conflict. Apart from downtime.ts, which the first screen's banner
// reads, so the write path is loaded with the screens that write (issue 15: the first load).
import type { DocState } from '../../domain/project';
import type { DowntimeBody } from '../../domain/schemas/downtime';
import { endedBody, toEpisode } from '../../domain/downtime/episode';
import { GLOBAL_SCOPE, unitScope } from '../../domain/scope';
import { amendDoc, createDoc, resolveDoc } from './documents';
import { requireSessionUser } from './session';

export type DeclareInput = Omit<DowntimeBody, 'endedAt' | 'endedBy'>;

/** Declares an episode; returns its docId. The scope follows the area (ward or hospital). */
export async function declareDowntime(input: DeclareInput): Promise<string> {
  const scope = input.area === 'hospital' ? GLOBAL_SCOPE : unitScope(input.unitCode ?? '');
  const { doc } = await createDoc('downtime', scope, input);
  return doc.docId;
}

/** Ends an episode: an amend naming who ended it and when. The recovery phase starts. */
export async function endDowntime(doc: DocState): Promise<void> {
  const ep = toEpisode(doc);
  if (!ep) throw new Error('not a downtime episode');
  const user = await requireSessionUser();
  await amendDoc(doc.docId, doc.heads, endedBody(ep.body, new Date().toISOString(), { userId: user.id, name: user.name, role: user.role }));
}

/** Two tablets changed the episode at once: the person keeps one version, which resolves it. */
export async function keepEpisodeVersion(doc: DocState, body: DowntimeBody): Promise<void> {
  await resolveDoc(doc.docId, doc.heads, body);
}
