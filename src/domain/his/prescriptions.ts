// What the prescriptions from the HIS mean on the ward: which are in force, and the
// administrations they plan over the next 24 hours (the printed MAR's lines). Pure: the caller
// gives the time and the ward's clock.
import type { MedicationOrderBody } from '../schemas';

/** In force at `at`: active and not yet at its stop time. */
export function isActiveOrder(o: MedicationOrderBody, at: Date): boolean {
  if (o.status !== 'active') return false;
  return !o.stop || Date.parse(o.stop) > at.getTime();
}

export function splitOrders<T extends { body: MedicationOrderBody }>(orders: readonly T[], at: Date): { active: T[]; stopped: T[] } {
  const byDrug = (a: T, b: T) => a.body.drug.localeCompare(b.body.drug, 'fr') || a.body.orderId.localeCompare(b.body.orderId);
  return {
    active: orders.filter((o) => isActiveOrder(o.body, at)).sort(byDrug),
    stopped: orders.filter((o) => !isActiveOrder(o.body, at)).sort(byDrug),
  };
}

export interface PlannedAdministration {
  /** ISO instant of the planned dose; null for an "if needed" order (one line, time left blank). */
  at: string | null;
  orderId: string;
  drug: string;
  dose: string;
  route: string;
  comment?: string;
}

/**
 * One line per planned administration from `from` for 24 h, in time order, for orders in force.
 * `localMidnight(day)` gives the UTC instant of 00:00 on the ward's clock on the day containing
 * `day`, so "08:00" means 08:00 on the ward.
 */
export function administrationsOver24h(
  orders: readonly MedicationOrderBody[],
  from: Date,
  localMidnight: (day: Date) => Date,
): PlannedAdministration[] {
  const end = from.getTime() + 24 * 3_600_000;
  const out: PlannedAdministration[] = [];
  const today = localMidnight(from).getTime();
  const days = [today, localMidnight(new Date(today + 36 * 3_600_000)).getTime()];
  for (const o of orders) {
    if (o.status !== 'active') continue;
    const line = { orderId: o.orderId, drug: o.drug, dose: `${o.dose} ${o.doseUnit}`.trim(), route: o.route, ...(o.comment ? { comment: o.comment } : {}) };
    if (o.prn || o.times.length === 0) {
      if (isActiveOrder(o, from)) out.push({ ...line, at: null });
      continue;
    }
    for (const dayStart of days) {
      for (const time of o.times) {
        const [h, m] = time.split(':').map(Number) as [number, number];
        const at = dayStart + (h * 60 + m) * 60_000;
        if (at < from.getTime() || at >= end) continue;
        if (Date.parse(o.start) > at || (o.stop && Date.parse(o.stop) <= at)) continue;
        out.push({ ...line, at: new Date(at).toISOString() });
      }
    }
  }
  return out.sort((a, b) => (a.at ?? '\uffff').localeCompare(b.at ?? '\uffff') || a.drug.localeCompare(b.drug, 'fr'));
}
