import { describe, expect, it } from 'vitest';
import type { Questionnaire, QuestionnaireItem } from '../../src/domain/questionnaire/types';
import { printModel, splitForPrint, writingLines } from '../../src/domain/print/print-model';
import { columnWidths, isCompactChoice, minColumnWidth, orientationFor, PAGE_WIDTH_MM, printColumns, printColumnWidth } from '../../src/domain/print/columns';

const form: Pick<Questionnaire, 'item'> = {
  item: [
    { linkId: 'sev', type: 'choice', answerOption: [{ valueCoding: { code: 'stable' } }, { valueCoding: { code: 'unstable' } }] },
    {
      linkId: 'summary', type: 'group', item: [
        { linkId: 'summary-text', type: 'text' },
        { linkId: 'dx', type: 'string', enableWhen: [{ question: 'sev', operator: '=', answerCoding: { code: 'unstable' } }] },
      ],
    },
    {
      linkId: 'actions', type: 'group', repeats: true, item: [
        { linkId: 'what', type: 'string' },
        { linkId: 'who', type: 'string' },
      ],
    },
    { linkId: 'note', type: 'display', text: 'Signature' },
  ],
};

describe('printModel', () => {
  it("says the help texts of a repeating group once above its table: a column's with its column, the group's alone", () => {
    const q: Pick<Questionnaire, 'item'> = {
      item: [{
        linkId: 'rows', type: 'group', repeats: true, item: [
          { linkId: 'rows-help', type: 'display', text: 'Une ligne par passage' },
          { linkId: 'dose', type: 'decimal', text: 'Dose', item: [{ linkId: 'dose-help', type: 'display', text: 'En mg, sans la dilution' }] },
          { linkId: 'by', type: 'string', text: 'Par' },
        ],
      }],
    };
    const table = printModel(q, null, () => 2)[0]!;
    expect(table.kind === 'table' && table.help.map((h) => [h.column?.linkId ?? null, h.text.linkId])).toEqual([[null, 'rows-help'], ['dose', 'dose-help']]);
    expect(table.kind === 'table' && table.columns.map((c) => c.linkId)).toEqual(['dose', 'by']);
  });

  it('prints a blank form: every item, room to write, blank table rows', () => {
    const nodes = printModel(form, null, () => 6);
    expect(nodes.map((n) => `${n.kind}:${n.item.linkId}`)).toEqual([
      'field:sev', 'heading:summary', 'field:summary-text', 'field:dx', 'table:actions', 'display:note',
    ]);
    const table = nodes.find((n) => n.kind === 'table')!;
    expect(table.kind === 'table' && [table.rows.length, table.blankRows, table.columns.map((c) => c.linkId)]).toEqual([0, 6, ['what', 'who']]);
    const summary = nodes.find((n) => n.item.linkId === 'summary-text')!;
    expect(summary.kind === 'field' && summary.blankLines).toBe(3);
  });

  it('fills what the response answers, filled rows first, and keeps the conditions', () => {
    const response = {
      item: [
        { linkId: 'sev', answer: [{ valueCoding: { code: 'unstable' } }] },
        { linkId: 'summary', item: [{ linkId: 'summary-text', answer: [{ valueString: 'Sepsis' }] }] },
        { linkId: 'actions', item: [{ linkId: 'what', answer: [{ valueString: 'Lactates' }] }, { linkId: 'who', answer: [{ valueString: 'IDE' }] }] },
        { linkId: 'actions', item: [{ linkId: 'what', answer: [{ valueString: 'Hémocs' }] }] },
        { linkId: 'actions', item: [] },
      ],
    };
    const nodes = printModel(form, response, () => 2);
    const sev = nodes[0]!;
    expect(sev.kind === 'field' && sev.answers).toEqual([{ valueCoding: { code: 'unstable' } }]);
    const text = nodes[2]!;
    expect(text.kind === 'field' && [text.answers, text.blankLines]).toEqual([[{ valueString: 'Sepsis' }], 1]);
    const dx = nodes[3]!;
    expect(dx.conditions.map((c) => [c.on?.linkId, c.when.operator])).toEqual([['sev', '=']]);
    const table = nodes[4]!;
    expect(table.kind === 'table' && table.rows).toEqual([
      [[{ valueString: 'Lactates' }], [{ valueString: 'IDE' }]],
      [[{ valueString: 'Hémocs' }], []],
    ]);
    expect(table.kind === 'table' && table.blankRows).toBe(2);
  });

  it('gives writing lines by type', () => {
    const item = (type: QuestionnaireItem['type'], repeats = false): QuestionnaireItem => ({ linkId: 'x', type, repeats });
    expect([writingLines(item('string'), 0), writingLines(item('string'), 1)]).toEqual([1, 0]);
    expect([writingLines(item('text'), 0), writingLines(item('text'), 1)]).toEqual([3, 1]);
    expect([writingLines(item('choice'), 0), writingLines(item('boolean'), 0)]).toEqual([0, 0]);
    expect([writingLines(item('string', true), 0), writingLines(item('string', true), 2)]).toEqual([3, 1]);
  });
});

describe('splitForPrint', () => {
  it('keeps short text whole and cuts long text at sentences, losing nothing', () => {
    expect(splitForPrint('Court.\nDeux lignes.')).toEqual(['Court.', 'Deux lignes.']);
    const long = Array.from({ length: 60 }, (_, i) => `Phrase numéro ${i} assez longue pour compter.`).join(' ');
    const pieces = splitForPrint(long, 300);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.every((p) => p.length <= 300)).toBe(true);
    expect(pieces.join('')).toBe(long);
  });
  it('cuts a run-on word list that has no sentence end', () => {
    const pieces = splitForPrint('x'.repeat(2500), 1000);
    expect(pieces.map((p) => p.length)).toEqual([1000, 1000, 500]);
  });
});

describe('columns and orientation', () => {
  it('prints a few one-letter options as tick boxes in a cell, longer lists as a blank cell with a legend', () => {
    const avpu: QuestionnaireItem = { linkId: 'c', type: 'choice', answerOption: ['A', 'V', 'P', 'U'].map((code) => ({ valueCoding: { code } })) };
    const pain: QuestionnaireItem = { linkId: 'p', type: 'choice', answerOption: Array.from({ length: 11 }, (_, n) => ({ valueInteger: n })) };
    expect(isCompactChoice(avpu)).toBe(true);
    expect(isCompactChoice(pain)).toBe(false);
    expect(minColumnWidth(avpu)).toBe(36);
    expect(minColumnWidth(pain)).toBe(16);
  });

  it('prints a date-time as two columns, the date then the hour, so a round says which day it was', () => {
    const time: QuestionnaireItem = { linkId: 'at', type: 'dateTime' };
    const spo2: QuestionnaireItem = { linkId: 's', type: 'integer' };
    const columns = printColumns([time, spo2]);
    expect(columns.map((c) => [c.item.linkId, c.part])).toEqual([['at', 'date'], ['at', 'time'], ['s', 'whole']]);
    expect(columns.map(printColumnWidth)).toEqual([15, 13, 16]);
  });

  it('fills the width in proportion', () => {
    expect(columnWidths([10, 30], 200)).toEqual([50, 150]);
  });

  it('turns the page when a table is wider than portrait', () => {
    const narrow: QuestionnaireItem = { linkId: 'g', type: 'group', repeats: true, item: [{ linkId: 'a', type: 'dateTime' }, { linkId: 'b', type: 'integer' }] };
    const wide: QuestionnaireItem = { ...narrow, item: Array.from({ length: 6 }, (_, i) => ({ linkId: `t${i}`, type: 'text' as const })) };
    expect(orientationFor({ item: [narrow] })).toBe('portrait');
    expect(orientationFor({ item: [wide] })).toBe('landscape');
    expect(6 * 50).toBeGreaterThan(PAGE_WIDTH_MM.portrait);
  });
});
