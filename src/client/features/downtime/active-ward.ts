// The ward the downtime screens act on: the one in the header, else the person's first ward.
// Checklists and call trees run in a ward's scope, so there must be one.
import { useUnits, type UnitInfo } from '../../data';
import { useCurrentWard, useDeclareWard } from '../ward/current-ward';

/** Also shows the ward in the header, so nobody starts a checklist on a ward they did not see. */
export function useActiveWard(): UnitInfo | null | undefined {
  const units = useUnits();
  const ward = useCurrentWard();
  const active = units === undefined ? undefined : (units.find((u) => u.code === ward) ?? units[0] ?? null);
  useDeclareWard(active?.code);
  return active;
}
