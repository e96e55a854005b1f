// The forms engine on its own: enableWhen (every operator, any/all), required, repeats, types,
// maxLength, answer options, and that disabled items are never saved.
import { describe, expect, it } from 'vitest';
import {
  addRow, buildResponse, checkValues, conditionHolds, emptyRow, formContext, initialValues, isEnabled, removeRow,
  responseProblems, setAnswers, valuesFromResponse, type AnswerValue, type EnableWhen, type FormValues, type Questionnaire,
  type QuestionnaireItem,
} from '../../src/domain/questionnaire';

const Q = (item: QuestionnaireItem[]): Questionnaire => ({
  resourceType: 'Questionnaire', url: 'https://test/q', version: '1', title: 'Test', status: 'active', item,
});
const header = { patientId: 'p1', authored: '2026-03-02T08:00:00+01:00' };
const codes = (...c: string[]) => c.map((code) => ({ valueCoding: { system: 'https://test/cs', code, display: code.toUpperCase() } }));
const set = (v: FormValues, linkId: string, ...raws: string[]) => setAnswers(v, [], linkId, raws);
const enabled = (q: Questionnaire, v: FormValues, linkId: string) =>
  isEnabled(formContext(q, v), q.item.find((i) => i.linkId === linkId)!, []);
const codesOf = (ps: { code: string; key: string }[]) => ps.map((p) => `${p.key}:${p.code}`);

describe('enableWhen operators', () => {
  const cases: [string, EnableWhen, AnswerValue[], boolean][] = [
    ['exists true, answered', { question: 'q', operator: 'exists', answerBoolean: true }, [{ valueString: 'x' }], true],
    ['exists true, unanswered', { question: 'q', operator: 'exists', answerBoolean: true }, [], false],
    ['exists false, unanswered', { question: 'q', operator: 'exists', answerBoolean: false }, [], true],
    ['= integer', { question: 'q', operator: '=', answerInteger: 3 }, [{ valueInteger: 3 }], true],
    ['= integer, other', { question: 'q', operator: '=', answerInteger: 3 }, [{ valueInteger: 4 }], false],
    ['= one of several answers', { question: 'q', operator: '=', answerString: 'b' }, [{ valueString: 'a' }, { valueString: 'b' }], true],
    ['!= other', { question: 'q', operator: '!=', answerInteger: 3 }, [{ valueInteger: 4 }], true],
    ['!= same', { question: 'q', operator: '!=', answerInteger: 3 }, [{ valueInteger: 3 }], false],
    ['!= no answer (R4: no answer equals)', { question: 'q', operator: '!=', answerInteger: 3 }, [], true],
    ['> decimal', { question: 'q', operator: '>', answerDecimal: 38 }, [{ valueDecimal: 38.5 }], true],
    ['> equal', { question: 'q', operator: '>', answerDecimal: 38 }, [{ valueDecimal: 38 }], false],
    ['< integer', { question: 'q', operator: '<', answerInteger: 90 }, [{ valueInteger: 85 }], true],
    ['< equal', { question: 'q', operator: '<', answerInteger: 90 }, [{ valueInteger: 90 }], false],
    ['>= equal', { question: 'q', operator: '>=', answerInteger: 7 }, [{ valueInteger: 7 }], true],
    ['>= below', { question: 'q', operator: '>=', answerInteger: 7 }, [{ valueInteger: 6 }], false],
    ['<= equal', { question: 'q', operator: '<=', answerInteger: 7 }, [{ valueInteger: 7 }], true],
    ['<= above', { question: 'q', operator: '<=', answerInteger: 7 }, [{ valueInteger: 8 }], false],
    ['> no answer', { question: 'q', operator: '>', answerInteger: 1 }, [], false],
    ['= coding', { question: 'q', operator: '=', answerCoding: { system: 's', code: 'unstable' } }, [{ valueCoding: { system: 's', code: 'unstable' } }], true],
    ['= coding, other system', { question: 'q', operator: '=', answerCoding: { system: 's', code: 'x' } }, [{ valueCoding: { system: 't', code: 'x' } }], false],
    ['= boolean', { question: 'q', operator: '=', answerBoolean: true }, [{ valueBoolean: true }], true],
    ['= boolean false', { question: 'q', operator: '=', answerBoolean: true }, [{ valueBoolean: false }], false],
    ['> date', { question: 'q', operator: '>', answerDate: '2026-01-01' }, [{ valueDate: '2026-02-01' }], true],
    ['< time', { question: 'q', operator: '<', answerTime: '12:00:00' }, [{ valueTime: '08:30:00' }], true],
    ['>= dateTime across offsets', { question: 'q', operator: '>=', answerDateTime: '2026-03-02T10:00:00+01:00' }, [{ valueDateTime: '2026-03-02T09:00:00Z' }], true],
    ['= integer against decimal answer', { question: 'q', operator: '=', answerInteger: 2 }, [{ valueDecimal: 2 }], true],
  ];
  it.each(cases)('%s', (_name, condition, answers, expected) => {
    expect(conditionHolds(condition, answers)).toBe(expected);
  });
});

describe('enableWhen on a form', () => {
  const q = Q([
    { linkId: 'fever', type: 'decimal', text: 'Température' },
    { linkId: 'pain', type: 'integer', text: 'EVA' },
    { linkId: 'all', type: 'string', enableWhen: [
      { question: 'fever', operator: '>=', answerDecimal: 38.5 }, { question: 'pain', operator: '>', answerInteger: 5 },
    ], enableBehavior: 'all' },
    { linkId: 'any', type: 'string', enableWhen: [
      { question: 'fever', operator: '>=', answerDecimal: 38.5 }, { question: 'pain', operator: '>', answerInteger: 5 },
    ], enableBehavior: 'any' },
    { linkId: 'chained', type: 'string', enableWhen: [{ question: 'any', operator: 'exists', answerBoolean: true }] },
  ]);

  it('all needs every condition, any needs one', () => {
    let v = set(emptyRow(), 'fever', '39,2'); // French decimal comma
    expect(enabled(q, v, 'all')).toBe(false);
    expect(enabled(q, v, 'any')).toBe(true);
    v = set(v, 'pain', '7');
    expect(enabled(q, v, 'all')).toBe(true);
    v = set(v, 'fever', '37');
    v = set(v, 'pain', '2');
    expect(enabled(q, v, 'any')).toBe(false);
  });

  it('an answer left in a disabled question enables nothing', () => {
    let v = set(emptyRow(), 'fever', '39');
    v = set(v, 'any', 'frissons');
    expect(enabled(q, v, 'chained')).toBe(true);
    v = set(v, 'fever', '36.8');
    expect(enabled(q, v, 'any')).toBe(false);
    expect(enabled(q, v, 'chained')).toBe(false);
  });

  it('an unparseable answer counts as no answer', () => {
    expect(enabled(q, set(emptyRow(), 'fever', 'chaud'), 'any')).toBe(false);
  });

  it('inside a repeating group, a condition looks at the same row', () => {
    const rows = Q([{ linkId: 'adm', type: 'group', repeats: true, item: [
      { linkId: 'given', type: 'boolean' },
      { linkId: 'why-not', type: 'string', enableWhen: [{ question: 'given', operator: '=', answerBoolean: false }] },
    ] }]);
    let v = addRow(initialValues(rows.item), [], rows.item[0]!);
    v = setAnswers(v, [{ linkId: 'adm', row: 0 }], 'given', ['true']);
    v = setAnswers(v, [{ linkId: 'adm', row: 1 }], 'given', ['false']);
    const ctx = formContext(rows, v);
    const whyNot = rows.item[0]!.item![1]!;
    expect(isEnabled(ctx, whyNot, [{ linkId: 'adm', row: 0 }])).toBe(false);
    expect(isEnabled(ctx, whyNot, [{ linkId: 'adm', row: 1 }])).toBe(true);
  });

  it('a group disabled disables its items', () => {
    const g = Q([
      { linkId: 'iso', type: 'boolean' },
      { linkId: 'iso-group', type: 'group', enableWhen: [{ question: 'iso', operator: '=', answerBoolean: true }], item: [
        { linkId: 'iso-kind', type: 'string', required: true },
      ] },
    ]);
    const v = set(emptyRow(), 'iso', 'false');
    expect(isEnabled(formContext(g, v), g.item[1]!.item![0]!, [{ linkId: 'iso-group', row: 0 }])).toBe(false);
    expect(checkValues(g, v)).toEqual([]); // its required item is not asked
    expect(codesOf(checkValues(g, set(v, 'iso', 'true')))).toEqual(['iso-group#0/iso-kind:required']);
  });
});

describe('checks of a form being filled', () => {
  const q = Q([
    { linkId: 'name', type: 'string', required: true, maxLength: 5 },
    { linkId: 'count', type: 'integer' },
    { linkId: 'temp', type: 'decimal' },
    { linkId: 'day', type: 'date' },
    { linkId: 'at', type: 'dateTime' },
    { linkId: 'hour', type: 'time' },
    { linkId: 'yes', type: 'boolean' },
    { linkId: 'sev', type: 'choice', answerOption: codes('stable', 'watcher', 'unstable') },
    { linkId: 'route', type: 'open-choice', answerOption: [{ valueString: 'PO' }, { valueString: 'IV' }] },
    { linkId: 'allergies', type: 'string', repeats: true },
  ]);

  it('required: a blank answer is missing', () => {
    expect(codesOf(checkValues(q, set(emptyRow(), 'name', '   ')))).toEqual(['name:required']);
  });

  it('types: each value must parse as its item type', () => {
    let v = set(emptyRow(), 'name', 'Léa');
    for (const [id, bad, code] of [
      ['count', '3.5', 'notInteger'], ['temp', 'abc', 'notDecimal'], ['day', '2026-02-30', 'notDate'],
      ['at', '2026-03-02 25:00', 'notDateTime'], ['hour', '24:10', 'notTime'], ['yes', 'peut-être', 'notBoolean'],
    ] as const) {
      expect(codesOf(checkValues(q, set(v, id, bad)))).toEqual([`${id}:${code}`]);
    }
    v = set(v, 'count', '12');
    v = set(v, 'temp', '37,8');
    v = set(v, 'day', '2026-03-02');
    v = set(v, 'at', '2026-03-02T14:05');
    v = set(v, 'hour', '14:05');
    v = set(v, 'yes', 'true');
    expect(checkValues(q, v)).toEqual([]);
    const r = buildResponse(q, v, header);
    const answer = (id: string) => r.item!.find((i) => i.linkId === id)!.answer![0];
    expect(answer('count')).toEqual({ valueInteger: 12 });
    expect(answer('temp')).toEqual({ valueDecimal: 37.8 });
    expect(answer('day')).toEqual({ valueDate: '2026-03-02' });
    expect(answer('at')!.valueDateTime).toMatch(/^2026-03-02T14:05:00([+-]\d\d:\d\d|Z)$/);
    expect(answer('hour')).toEqual({ valueTime: '14:05:00' });
    expect(answer('yes')).toEqual({ valueBoolean: true });
  });

  it('maxLength counts characters, not bytes', () => {
    expect(checkValues(q, set(emptyRow(), 'name', 'Éloïs'))).toEqual([]);
    expect(checkValues(q, set(emptyRow(), 'name', 'Éloïse'))).toEqual([
      { key: 'name', linkId: 'name', code: 'tooLong', max: 5 },
    ]);
  });

  it('answerOption: a choice must be one of its options; an open choice takes free text', () => {
    let v = set(emptyRow(), 'name', 'Léa');
    expect(codesOf(checkValues(q, set(v, 'sev', 'critical')))).toEqual(['sev:notAnOption']);
    v = set(set(v, 'sev', 'watcher'), 'route', 'SC');
    expect(checkValues(q, v)).toEqual([]);
    const r = buildResponse(q, set(v, 'route', 'IV'), header);
    expect(r.item!.find((i) => i.linkId === 'sev')!.answer).toEqual([{ valueCoding: { system: 'https://test/cs', code: 'watcher', display: 'WATCHER' } }]);
    expect(r.item!.find((i) => i.linkId === 'route')!.answer).toEqual([{ valueString: 'IV' }]);
    expect(buildResponse(q, v, header).item!.find((i) => i.linkId === 'route')!.answer).toEqual([{ valueString: 'SC' }]);
  });

  it('repeats: one answer unless the item repeats', () => {
    const v = set(set(emptyRow(), 'name', 'Léa', 'Max'), 'allergies', 'Pénicilline', 'Latex');
    expect(codesOf(checkValues(q, v))).toEqual(['name:tooManyAnswers']);
    const ok = set(v, 'name', 'Léa');
    expect(buildResponse(q, ok, header).item!.find((i) => i.linkId === 'allergies')!.answer).toEqual([
      { valueString: 'Pénicilline' }, { valueString: 'Latex' },
    ]);
  });
});

describe('repeating groups', () => {
  const vitals = Q([{ linkId: 'rows', type: 'group', repeats: true, required: true, item: [
    { linkId: 'at', type: 'time', required: true },
    { linkId: 'hr', type: 'integer' },
  ] }]);
  const group = vitals.item[0]!;

  it('starts with one blank row; blank rows are neither checked nor saved', () => {
    let v = initialValues(vitals.item);
    expect(v.groups.rows).toHaveLength(1);
    expect(codesOf(checkValues(vitals, v))).toEqual(['rows:required']);
    v = addRow(v, [], group);
    v = setAnswers(v, [{ linkId: 'rows', row: 0 }], 'hr', ['88']);
    expect(codesOf(checkValues(vitals, v))).toEqual(['rows#0/at:required']);
    v = setAnswers(v, [{ linkId: 'rows', row: 0 }], 'at', ['08:00']);
    expect(checkValues(vitals, v)).toEqual([]);
    expect(buildResponse(vitals, v, header).item).toHaveLength(1);
  });

  it('rows are added and removed, and saved in order', () => {
    let v = initialValues(vitals.item);
    v = addRow(addRow(v, [], group), [], group);
    ['08:00', '12:00', '16:00'].forEach((t, i) => (v = setAnswers(v, [{ linkId: 'rows', row: i }], 'at', [t])));
    v = removeRow(v, [], group, 1);
    const r = buildResponse(vitals, v, header);
    expect(r.item!.map((row) => row.item![0]!.answer![0]!.valueTime)).toEqual(['08:00:00', '16:00:00']);
    expect(valuesFromResponse(vitals, r).groups.rows!.map((row) => row.answers.at)).toEqual([['08:00'], ['16:00']]);
  });
});

describe('disabled items are not saved', () => {
  const q = Q([
    { linkId: 'given', type: 'boolean', required: true },
    { linkId: 'reason', type: 'string', required: true, enableWhen: [{ question: 'given', operator: '=', answerBoolean: false }] },
    { linkId: 'note', type: 'display', text: 'Tracer sur la feuille' },
  ]);

  it('text typed in a field that then became disabled is left out of the response', () => {
    let v = set(set(emptyRow(), 'given', 'false'), 'reason', 'patient au bloc');
    expect(buildResponse(q, v, header).item!.map((i) => i.linkId)).toEqual(['given', 'reason']);
    v = set(v, 'given', 'true');
    expect(checkValues(q, v)).toEqual([]);
    const r = buildResponse(q, v, header);
    expect(r.item!.map((i) => i.linkId)).toEqual(['given']);
    expect(JSON.stringify(r)).not.toContain('patient au bloc');
  });

  it('the server view refuses a response answering a disabled item', () => {
    const forged = {
      ...buildResponse(q, set(emptyRow(), 'given', 'true'), header),
      item: [{ linkId: 'given', answer: [{ valueBoolean: true }] }, { linkId: 'reason', answer: [{ valueString: 'x' }] }],
    };
    expect(codesOf(responseProblems(q, forged))).toEqual(['reason:disabledAnswered']);
  });
});

describe('responseProblems: a response against its template version', () => {
  const q = Q([
    { linkId: 'sev', type: 'choice', required: true, answerOption: codes('stable', 'unstable') },
    { linkId: 'acts', type: 'group', repeats: true, item: [{ linkId: 'act', type: 'string', maxLength: 10 }] },
    { linkId: 'once', type: 'group', item: [{ linkId: 'x', type: 'integer' }] },
  ]);
  const good = buildResponse(q, set(emptyRow(), 'sev', 'stable'), header);

  it('accepts what the engine built', () => {
    expect(responseProblems(q, good, { patientId: 'p1' })).toEqual([]);
  });

  it.each([
    ['another version', { ...good, questionnaire: 'https://test/q|2' }, ':wrongTemplate'],
    ['another patient', good, ':badHeader', 'p2'],
    ['an unknown item', { ...good, item: [...good.item!, { linkId: 'zz', answer: [{ valueString: 'a' }] }] }, 'zz:unknownItem'],
    ['a text where the options are codings', { ...good, item: [{ linkId: 'sev', answer: [{ valueString: 'stable' }] }] }, 'sev:wrongValueType'],
    ['a code not in the options', { ...good, item: [{ linkId: 'sev', answer: [{ valueCoding: { system: 'https://test/cs', code: 'dead' } }] }] }, 'sev:notAnOption'],
    ['a missing required answer', { ...good, item: [] }, 'sev:required'],
    ['a boolean for a choice', { ...good, item: [{ linkId: 'sev', answer: [{ valueBoolean: true }] }] }, 'sev:wrongValueType'],
    ['a too long text in a row', { ...good, item: [...good.item!, { linkId: 'acts', item: [{ linkId: 'act', answer: [{ valueString: 'beaucoup trop long' }] }] }] }, 'acts#0/act:tooLong'],
    ['a group that does not repeat, twice', { ...good, item: [...good.item!, { linkId: 'once', item: [{ linkId: 'x', answer: [{ valueInteger: 1 }] }] }, { linkId: 'once', item: [{ linkId: 'x', answer: [{ valueInteger: 2 }] }] }] }, 'once:tooManyRows'],
    ['an answer on a group', { ...good, item: [...good.item!, { linkId: 'once', answer: [{ valueString: 'x' }], item: [{ linkId: 'x', answer: [{ valueInteger: 1 }] }] }] }, 'once:answerOnGroup'],
    ['an empty item', { ...good, item: [...good.item!, { linkId: 'once', item: [] }] }, 'once:emptyItem'],
    ['a decimal for an integer', { ...good, item: [...good.item!, { linkId: 'once', item: [{ linkId: 'x', answer: [{ valueInteger: 1.5 }] }] }] }, 'once#0/x:notInteger'],
  ])('refuses %s', (_name, response, expected, patientId = 'p1') => {
    expect(codesOf(responseProblems(q, response, { patientId }))).toContain(expected);
  });
});

describe('an empty form', () => {
  it('is refused, on the tablet and by the server view', () => {
    const q = Q([{ linkId: 'rows', type: 'group', repeats: true, item: [{ linkId: 'x', type: 'string' }] }]);
    expect(codesOf(checkValues(q, initialValues(q.item)))).toEqual([':emptyForm']);
    const blank = buildResponse(q, initialValues(q.item), header);
    expect(codesOf(responseProblems(q, blank))).toEqual([':emptyForm']);
    expect(checkValues(q, setAnswers(initialValues(q.item), [{ linkId: 'rows', row: 0 }], 'x', ['ok']))).toEqual([]);
  });
});
