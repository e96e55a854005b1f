// The printed MAR's lines: one per planned administration over 24 h, from the orders in force.
import { describe, expect, it } from 'vitest';
import { administrationsOver24h, isActiveOrder, splitOrders } from '../../src/domain/his/prescriptions';
import type { MedicationOrderBody } from '../../src/domain/schemas';

const order = (o: Partial<MedicationOrderBody>): MedicationOrderBody => ({
  orderId: 'RX1', drug: 'Céfazoline', dose: '2', doseUnit: 'g', route: 'IV', frequency: 'toutes les 8 h',
  times: ['06:00', '14:00', '22:00'], start: '2026-03-01T00:00:00.000Z', prescriber: 'Dr A', status: 'active', ...o,
});
// The ward's clock is UTC+1 (Paris in winter): 00:00 local is 23:00 UTC the day before.
const parisMidnight = (d: Date) => {
  const local = new Date(d.getTime() + 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 3_600_000);
};

describe('administrationsOver24h', () => {
  it('lists each planned dose once over the next 24 h, in time order, on the ward clock', () => {
    const from = new Date('2026-03-02T09:00:00.000Z'); // 10:00 in Paris
    const lines = administrationsOver24h([order({}), order({ orderId: 'RX2', drug: 'Énoxaparine', dose: '4000', doseUnit: 'UI', route: 'SC', times: ['20:00'] })], from, parisMidnight);
    expect(lines.map((l) => [l.at, l.drug])).toEqual([
      ['2026-03-02T13:00:00.000Z', 'Céfazoline'], // 14:00 Paris
      ['2026-03-02T19:00:00.000Z', 'Énoxaparine'],
      ['2026-03-02T21:00:00.000Z', 'Céfazoline'],
      ['2026-03-03T05:00:00.000Z', 'Céfazoline'], // 06:00 the next morning
    ]);
    expect(lines[0]).toMatchObject({ dose: '2 g', route: 'IV' });
  });

  it('leaves out stopped orders, doses after the stop time, and gives an "if needed" order one line without a time', () => {
    const from = new Date('2026-03-02T09:00:00.000Z');
    const lines = administrationsOver24h([
      order({ status: 'stopped' }),
      order({ orderId: 'RX3', stop: '2026-03-02T20:00:00.000Z' }),
      order({ orderId: 'RX4', drug: 'Morphine', times: [], prn: true }),
    ], from, parisMidnight);
    expect(lines.map((l) => [l.orderId, l.at])).toEqual([['RX3', '2026-03-02T13:00:00.000Z'], ['RX4', null]]);
  });

  it('splits orders in force from stopped and cancelled ones', () => {
    const at = new Date('2026-03-02T09:00:00.000Z');
    expect(isActiveOrder(order({ stop: '2026-03-02T08:00:00.000Z' }), at)).toBe(false);
    const { active, stopped } = splitOrders([{ body: order({ drug: 'B' }) }, { body: order({ drug: 'A', status: 'cancelled' }) }], at);
    expect(active.map((o) => o.body.drug)).toEqual(['B']);
    expect(stopped.map((o) => o.body.drug)).toEqual(['A']);
  });
});
