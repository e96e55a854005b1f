// Downtime episodes on the tablet: which are in force for the wards on screen, and a ward's log.
// Declaring, ending and resolving one are in downtime-writes.ts: the banner on the first screen
// reads this module, and the write path must not come with it (issue 15: the first load).
import { useLiveQuery } from 'dexie-react-hooks';
import { useLockAwareLiveQuery } from './lock-aware-live-query';
import { docOf, type DocOf } from '../../domain/doc-bodies';
import type { DocState } from '../../domain/project';
import { episodesCovering, toEpisode, type DowntimeEpisode } from '../../domain/downtime/episode';
import { GLOBAL_SCOPE, unitScope } from '../../domain/scope';
import { db } from '../db/schema';
import { useSession } from './session';

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
  // The banner is in the frame: read again when the tablet opens (lock-aware-live-query.ts).
  return useLockAwareLiveQuery(async () => {
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
