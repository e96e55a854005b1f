import { describe, expect, it } from 'vitest';
import type { Questionnaire, QuestionnaireItem } from '../../src/domain/questionnaire/types';
import { formKindCoding } from '../../src/domain/questionnaire/handover';
import {
  administrationsForADay, defaultBlankRows, dosesPerDay, HOURS_IN_A_DAY, LIST_ROWS, NESTED_LIST_ROWS, prescriptionFrequencies,
} from '../../src/domain/print/blank-rows';

const q = (kind: string, item: QuestionnaireItem[]): Pick<Questionnaire, 'item' | 'code'> => ({ code: [formKindCoding(kind)], item });
const time: QuestionnaireItem = { linkId: 't', type: 'dateTime' };
const text: QuestionnaireItem = { linkId: 'x', type: 'string' };

describe('dosesPerDay', () => {
  it.each([
    ['3/j', 3], ['x3/j', 3], ['3 fois par jour', 3], ['2 x / jour', 2], ['1 par jour', 1],
    ['toutes les 8 h', 3], ['toutes les 6 heures', 4], ['q6h', 4], ['every 12 hours', 2], ['/4h', 6],
    ['8h-14h-20h', 3], ['8 h, 20 h', 2], ['matin et soir', 2], ['matin, midi, soir', 3], ['au coucher', 1],
    ['TID', 3], ['bid', 2], ['QID', 4],
  ])('%s -> %i', (f, n) => expect(dosesPerDay(f)).toBe(n));

  it.each(['si besoin', '', 'selon protocole'])('cannot tell from "%s"', (f) => expect(dosesPerDay(f)).toBeNull());
});

describe('a day of administrations', () => {
  it('counts the doses of the known prescriptions, with spare rows', () => {
    expect(administrationsForADay(['3/j', 'toutes les 6 h', 'matin et soir', '1/j', 'x3/j'])).toBe(3 + 4 + 2 + 1 + 3 + 4);
  });
  it('counts 3 for an unreadable frequency and never fewer than 12 rows', () => {
    expect(administrationsForADay(['si besoin'])).toBe(12);
  });
  it('is a row an hour when no prescription is known', () => {
    expect(administrationsForADay([])).toBe(HOURS_IN_A_DAY);
  });
  it('reads the frequencies of a medication record response', () => {
    const response = {
      item: [
        { linkId: 'prescriptions', item: [{ linkId: 'rx-drug', answer: [{ valueString: 'Paracétamol' }] }, { linkId: 'rx-frequency', answer: [{ valueString: '4/j' }] }] },
        { linkId: 'prescriptions', item: [{ linkId: 'rx-drug', answer: [{ valueString: 'Enoxaparine' }] }, { linkId: 'rx-frequency', answer: [{ valueString: '1/j' }] }] },
      ],
    };
    expect(prescriptionFrequencies(response)).toEqual(['4/j', '1/j']);
  });
});

describe('defaultBlankRows', () => {
  it('gives a flowsheet a row per hour', () => {
    const vitals: QuestionnaireItem = { linkId: 'vitals', type: 'group', repeats: true, item: [time, text] };
    expect(defaultBlankRows(q('flowsheet', [vitals]), vitals)).toBe(24);
  });

  it('gives the administrations of a medication record a day of doses', () => {
    const rx: QuestionnaireItem = { linkId: 'prescriptions', type: 'group', repeats: true, item: [{ linkId: 'rx-frequency', type: 'string' }] };
    const adm: QuestionnaireItem = { linkId: 'administrations', type: 'group', repeats: true, item: [time, text] };
    const mar = q('medication', [rx, adm]);
    const response = { item: [{ linkId: 'prescriptions', item: [{ linkId: 'rx-frequency', answer: [{ valueString: '3/j' }] }] }] };
    expect(defaultBlankRows(mar, adm, response)).toBe(12);
    expect(defaultBlankRows(mar, adm, null)).toBe(24);
    expect(defaultBlankRows(mar, rx, response)).toBe(LIST_ROWS);
  });

  it('gives a handover action list a shift of rows, even with a due time column, and a nested table a few', () => {
    const actions: QuestionnaireItem = { linkId: 'actions', type: 'group', repeats: true, item: [text, time] };
    const ifThen: QuestionnaireItem = { linkId: 'contingency', type: 'group', repeats: true, item: [text] };
    const awareness: QuestionnaireItem = { linkId: 'awareness', type: 'group', item: [ifThen] };
    const request: QuestionnaireItem = { linkId: 'request', type: 'group', item: [actions] };
    expect(defaultBlankRows(q('handover', [actions, awareness]), actions)).toBe(LIST_ROWS);
    expect(defaultBlankRows(q('handover', [request]), actions)).toBe(LIST_ROWS);
    expect(defaultBlankRows(q('handover', [actions, awareness]), ifThen)).toBe(NESTED_LIST_ROWS);
  });

  it('gives nothing to a group that does not repeat', () => {
    const g: QuestionnaireItem = { linkId: 'g', type: 'group', item: [text] };
    expect(defaultBlankRows(q('flowsheet', [g]), g)).toBe(0);
  });
});
