// Downtime episodes on the tablet: which are in force for the wards on screen, declaring one
// (offline too: it stamps this tablet's entries at once) and ending it.
import { useLiveQuery } from 'dexie-react-hooks';
import { docOf, type DocOf } from '../../domain/doc-bodies';
import type { DocState } from '../../domain/project';
import type { DowntimeBody } from '../../domain/schemas/downtime';
import { endedBody, episodesCovering, toEpisode, type DowntimeEpisode } from '../../domain/downtime/episode';
import { GLOBAL_SCOPE, unitScope } from '../../domain/scope';
import { db } from '../db/schema';
import { amendDoc, createDoc, resolveDoc } from './documents';
import { requireSessionUser, useSession } from './session';

export interface EpisodeView extends DowntimeEpisode {
  doc: DocOf<'downtime'>;
  declaredBy: string;
  declaredAt: string;
  /** Not yet accepted by the server. */
  pending: boolean;
}

async function episodeDocs(scopes: string[]): Promise<DocState[]> {
  return db().docs.where('[docType+scope]').anyOf(scopes.map((s) => ['downtime', s])).toArray();
}

async function toViews(docs: DocState[]): Promise<EpisodeView[]> {
  const out: EpisodeView[] = [];
  for (const row of docs) {
    const doc = docOf(row, 'downtime');
    const ep = doc && toEpisode(doc);
    const first = doc?.history[0];
    if (!doc || !ep || !first) continue;
    const ids = [...doc.history, ...doc.addenda, ...doc.retractions].map((v) => v.entryId);
    const marks = (await db().outbox.bulkGet(ids)).filter((m) => m !== undefined);
    out.push({ ...ep, doc, declaredBy: first.author.name, declaredAt: first.createdAt, pending: marks.length > 0 });
  }
  return out;
}

/**
 * The episodes in force that the banner shows: those of the ward on screen and the hospital's,
 * or with no ward chosen, those of every ward of the signed-in person.
 */
export function useEpisodesInForce(ward: string | null): EpisodeView[] | undefined {
  const { user } = useSession();
  const units = ward ? [ward] : (user?.units ?? []);
  return useLiveQuery(async () => {
    const scopes = [GLOBAL_SCOPE, ...units.map(unitScope)];
    const docs = await episodeDocs(scopes);
    const seen = new Set<string>();
    const shown: DowntimeEpisode[] = [];
    for (const scope of units.length ? units.map(unitScope) : [GLOBAL_SCOPE]) {
      for (const ep of episodesCovering(docs, scope)) if (!seen.has(ep.docId) && seen.add(ep.docId)) shown.push(ep);
    }
    const views = new Map((await toViews(docs.filter((d) => seen.has(d.docId)))).map((v) => [v.docId, v]));
    return shown.map((s) => views.get(s.docId)).filter((v): v is EpisodeView => v !== undefined);
  }, [units.join()]);
}

/** Every episode of a ward and of the hospital, newest start first: the ward's downtime log. */
export function useEpisodes(ward: string): EpisodeView[] | undefined {
  return useLiveQuery(async () => {
    const views = await toViews(await episodeDocs([GLOBAL_SCOPE, unitScope(ward)]));
    return views.sort((a, b) => Date.parse(b.body.startedAt) - Date.parse(a.body.startedAt) || (a.docId < b.docId ? 1 : -1));
  }, [ward]);
}

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
