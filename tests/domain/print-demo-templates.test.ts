// The print defaults on the demo hospital's real templates: a day of hourly vitals on one
// portrait sheet's worth of rows, a day of administrations on the medication record, a handful
// of actions on a handover, and every kit role found.
import { describe, expect, it } from 'vitest';
import { defaultBlankRows, HOURS_IN_A_DAY, LIST_ROWS, NESTED_LIST_ROWS } from '../../src/domain/print/blank-rows';
import { orientationFor } from '../../src/domain/print/columns';
import { kitTemplates } from '../../src/domain/print/kit-plan';
import { printModel } from '../../src/domain/print/print-model';
import { indexItems, type Questionnaire } from '../../src/domain/questionnaire';
import { DEMO_TEMPLATES } from '../../src/server/seed/templates';

const byName = (name: string): Questionnaire => DEMO_TEMPLATES.find((t) => t.url.endsWith(`/${name}`))!;
const group = (q: Questionnaire, linkId: string) => indexItems(q).get(linkId)!.item;

describe('print defaults on the demo templates', () => {
  it('gives the vital-signs flowsheet 24 hourly rows, in portrait', () => {
    const q = byName('vital-signs');
    expect(defaultBlankRows(q, group(q, 'vitals'))).toBe(HOURS_IN_A_DAY);
    expect(orientationFor(q)).toBe('portrait');
  });

  it('gives the medication record a day of administrations from its prescriptions', () => {
    const q = byName('medication-record');
    const response = {
      item: ['3/j', 'toutes les 12 h', '1/j'].map((f, i) => ({
        linkId: 'prescriptions',
        item: [{ linkId: 'rx-drug', answer: [{ valueString: `Médicament ${i}` }] }, { linkId: 'rx-frequency', answer: [{ valueString: f }] }],
      })),
    };
    // 3 + 2 + 1 doses and 4 spare rows make 10: never fewer than 12.
    expect(defaultBlankRows(q, group(q, 'administrations'), response)).toBe(12);
    expect(defaultBlankRows(q, group(q, 'administrations'), null)).toBe(HOURS_IN_A_DAY);
    expect(defaultBlankRows(q, group(q, 'prescriptions'), response)).toBe(LIST_ROWS);
  });

  it('gives handover actions a shift of rows and the if/then table a few, in both handovers', () => {
    const ipass = byName('handover-ipass');
    const saed = byName('handover-saed');
    expect(defaultBlankRows(ipass, group(ipass, 'actions'))).toBe(LIST_ROWS);
    expect(defaultBlankRows(saed, group(saed, 'actions'))).toBe(LIST_ROWS);
    expect(defaultBlankRows(ipass, group(ipass, 'contingency'))).toBe(NESTED_LIST_ROWS);
  });

  it('prints every item of every template, each table with its columns', () => {
    for (const q of DEMO_TEMPLATES) {
      const nodes = printModel(q, null, (g) => defaultBlankRows(q, g));
      const printed = new Set(nodes.map((n) => n.item.linkId));
      for (const n of nodes) if (n.kind === 'table') for (const c of n.columns) printed.add(c.linkId);
      for (const linkId of indexItems(q).keys()) expect(printed.has(linkId), `${q.url} ${linkId}`).toBe(true);
    }
  });

  it('finds a template for every kit role', () => {
    const roles = kitTemplates(DEMO_TEMPLATES.map((body, i) => ({ docId: `t${i}`, body })));
    expect(Object.keys(roles).sort()).toEqual(['admission', 'handover', 'lab', 'mar', 'transfer', 'vitals']);
    expect(DEMO_TEMPLATES[Number(roles.handover!.docId.slice(1))]!.url).toMatch(/handover-ipass$/);
  });
});
