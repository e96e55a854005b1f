// The rules of a downtime episode, shared by the tablet and the server: which episode is in
// force for a scope, and so which downtimeId an entry written there carries.
//
// It deals with: a ward episode and a hospital-wide one at once (the ward's wins, it is the
// more precise), two tablets that each declared one offline (the earliest started wins, ties by
// id, so every replica stamps alike), and an episode whose end is in conflict (still in force:
// an extra stamp costs the recovery team a glance, a missing one loses an entry from the audit).
// It never reads a clock: "in force" is "declared and not ended", whatever the device time says.
import type { DocState } from '../project';
import type { DowntimeBody } from '../schemas/downtime';
import { GLOBAL_SCOPE, unitOfScope } from '../scope';

/** What the rules need of a projected downtime document. */
export type EpisodeDoc = Pick<DocState, 'docId' | 'docType' | 'scope' | 'body' | 'headVersions' | 'retracted'>;

export interface DowntimeEpisode {
  docId: string;
  scope: string;
  /** The current body; while conflicted, the head that still runs (else the first head). */
  body: DowntimeBody;
  inForce: boolean;
  conflicted: boolean;
}

function headBodies(doc: EpisodeDoc): DowntimeBody[] {
  return doc.headVersions.map((v) => v.body as DowntimeBody).filter((b) => b && typeof b === 'object');
}

/** The episode as the screens and the stamping read it; null for anything but a downtime document. */
export function toEpisode(doc: EpisodeDoc): DowntimeEpisode | null {
  if (doc.docType !== 'downtime') return null;
  const heads = headBodies(doc);
  const running = heads.find((b) => b.endedAt === undefined);
  const body = (doc.body as DowntimeBody | null) ?? running ?? heads[0];
  if (!body) return null;
  return {
    docId: doc.docId,
    scope: doc.scope,
    body,
    // Entered in error: it never was a downtime, so it stamps nothing.
    inForce: !doc.retracted && running !== undefined,
    conflicted: heads.length > 1,
  };
}

function earliestFirst(a: DowntimeEpisode, b: DowntimeEpisode): number {
  const t = Date.parse(a.body.startedAt) - Date.parse(b.body.startedAt);
  if (t !== 0) return t;
  return a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0;
}

/** Every episode in force that covers `scope`: the ward's own first, then hospital-wide ones. */
export function episodesCovering(docs: readonly EpisodeDoc[], scope: string): DowntimeEpisode[] {
  const live = docs.map(toEpisode).filter((e): e is DowntimeEpisode => e !== null && e.inForce);
  const unit = unitOfScope(scope);
  const own = unit === null ? [] : live.filter((e) => e.scope === scope).sort(earliestFirst);
  const hospital = live.filter((e) => e.scope === GLOBAL_SCOPE).sort(earliestFirst);
  return [...own, ...hospital];
}

/** The episode in force for an entry written in `scope`, or null. */
export function episodeInForce(docs: readonly EpisodeDoc[], scope: string): DowntimeEpisode | null {
  return episodesCovering(docs, scope)[0] ?? null;
}

/**
 * The downtimeId an entry gets. Episodes themselves are not stamped: ending an episode is not
 * written "during" it, and an episode naming itself would say nothing.
 */
export function downtimeStamp(docs: readonly EpisodeDoc[], entry: { docType: string; scope: string }): string | undefined {
  if (entry.docType === 'downtime') return undefined;
  return episodeInForce(docs, entry.scope)?.docId;
}

/** The body of the amend that ends an episode: who ended it and when. */
export function endedBody(body: DowntimeBody, at: string, by: { userId: string; name: string; role: string }): DowntimeBody {
  return { ...body, endedAt: at, endedBy: { userId: by.userId, name: by.name, role: by.role } };
}

/** "2 h 10" style duration parts, for the banner. Negative spans (a fast device clock) count as zero. */
export function elapsedSince(startedAt: string, now: Date): { hours: number; minutes: number } {
  const ms = Math.max(0, now.getTime() - Date.parse(startedAt));
  const total = Math.floor(ms / 60_000);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
