// What to open at once for the reason a downtime is declared: the matching fiches réflexes (by
// their code, shared by their translations) and the call tree for that kind of event.
// "Exercice" is not a reason of its own: a drill rehearses one of these, asked once, as a box.
import { DOWNTIME_REASONS, type DowntimeReason } from '../schemas/downtime';
import type { CALL_TREE_EVENTS } from '../schemas/calltree';

export type DeclaredReason = Exclude<DowntimeReason, 'drill'>;

/** The reasons offered when declaring. */
export const DECLARED_REASONS: readonly DeclaredReason[] = DOWNTIME_REASONS.filter((r): r is DeclaredReason => r !== 'drill');

type CallTreeEvent = (typeof CALL_TREE_EVENTS)[number];

const REASON_GUIDES: Readonly<Record<DeclaredReason, { codes: readonly string[]; event?: CallTreeEvent }>> = {
  network: { codes: ['FR-03', 'FR-01'], event: 'network' },
  records: { codes: ['FR-01'] },
  switchboard: { codes: ['FR-02'], event: 'phone-loss' },
  power: { codes: ['FR-15'], event: 'power' },
  cyberattack: { codes: ['FR-04', 'FR-13'], event: 'cyberattack' },
};

/** The fiches and call trees that match a reason, in the guide's order. A drill's own reason 'drill' matches none. */
export function guidesFor<P extends { body: { code?: string | undefined } }, C extends { body: { event: CallTreeEvent } }>(
  reason: DowntimeReason | null,
  procedures: readonly P[],
  callTrees: readonly C[],
): { procedures: P[]; callTrees: C[] } {
  const guide = reason && reason !== 'drill' ? REASON_GUIDES[reason] : undefined;
  if (!guide) return { procedures: [], callTrees: [] };
  const byCode = guide.codes.flatMap((code) => procedures.filter((p) => p.body.code === code));
  return { procedures: byCode, callTrees: callTrees.filter((c) => c.body.event === guide.event) };
}
