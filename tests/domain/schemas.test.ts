// The body schemas of each document type, and bodyProblem over them.
import { describe, expect, it } from 'vitest';
import {
  addendumBody,
  bodyProblem,
  noteBody,
  patientBody,
  retractBody,
  unitBody,
} from '../../src/domain/schemas';
import { newId } from '../../src/domain/entry';
import { entry, validNote, validPatient, validUnit } from './schema-fixtures';

const without = <T extends object>(o: T, k: keyof T) => {
  const copy = { ...o };
  delete copy[k];
  return copy;
};

describe('unit body', () => {
  it('accepts a ward', () => expect(unitBody.safeParse(validUnit).success).toBe(true));
  it.each([
    ['lowercase code', { ...validUnit, code: 'cardio' }],
    ['one-letter code', { ...validUnit, code: 'C' }],
    ['code over 16', { ...validUnit, code: 'A'.repeat(17) }],
    ['code with a space', { ...validUnit, code: 'CAR DIO' }],
    ['empty name', { ...validUnit, name: '' }],
    ['missing name', without(validUnit, 'name')],
    ['unknown field', { ...validUnit, floor: 2 }],
  ])('rejects %s', (_why, body) => expect(unitBody.safeParse(body).success).toBe(false));
});

describe('patient body', () => {
  it('accepts a patient, with and without the optional bed and admission time', () => {
    expect(patientBody.safeParse(validPatient).success).toBe(true);
    expect(patientBody.safeParse(without(without(validPatient, 'bed'), 'admittedAt')).success).toBe(true);
  });
  it.each([
    ['missing ipp', without(validPatient, 'ipp')],
    ['missing last name', without(validPatient, 'lastName')],
    ['missing birth date', without(validPatient, 'birthDate')],
    ['month 13', { ...validPatient, birthDate: '1948-13-12' }],
    ['30 February', { ...validPatient, birthDate: '1948-02-30' }],
    ['29 February of a common year', { ...validPatient, birthDate: '1949-02-29' }],
    ['French date format', { ...validPatient, birthDate: '12/03/1948' }],
    ['a datetime as birth date', { ...validPatient, birthDate: '1948-03-12T00:00:00Z' }],
    ['unknown sex', { ...validPatient, sex: 'Z' }],
    ['empty allergy', { ...validPatient, allergies: [''] }],
    ['allergies as a string', { ...validPatient, allergies: 'Pénicilline' }],
    ['admission time without offset', { ...validPatient, admittedAt: '2026-02-07T10:30:00' }],
    ['unknown field', { ...validPatient, nir: '1480375123456' }],
  ])('rejects %s', (_why, body) => expect(patientBody.safeParse(body).success).toBe(false));
  it('accepts 29 February of a leap year', () => {
    expect(patientBody.safeParse({ ...validPatient, birthDate: '2000-02-29' }).success).toBe(true);
  });
});

describe('note body', () => {
  it('accepts a focused note with only one of data, actions, results', () => {
    expect(noteBody.safeParse(validNote).success).toBe(true);
    expect(noteBody.safeParse({ target: 'Chute', data: '', actions: '', results: 'pas de plaie' }).success).toBe(true);
  });
  it.each([
    ['missing target', without(validNote, 'target')],
    ['blank target', { ...validNote, target: '   ' }],
    ['nothing written but the target', { target: 'Douleur', data: ' ', actions: '', results: '\n' }],
    ['missing data field', without(validNote, 'data')],
    ['overlong data', { ...validNote, data: 'x'.repeat(4001) }],
    ['unknown field', { ...validNote, severity: 3 }],
    ['not an object', 'EVA 6/10'],
  ])('rejects %s', (_why, body) => expect(noteBody.safeParse(body).success).toBe(false));
  it('says which rule failed', () => {
    const r = noteBody.safeParse({ ...validNote, target: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('the target (cible) is required');
  });
});

describe('addendum and retract bodies', () => {
  it('accept their one field', () => {
    expect(addendumBody.safeParse({ text: 'Famille prévenue' }).success).toBe(true);
    expect(retractBody.safeParse({ reason: 'Mauvais patient' }).success).toBe(true);
  });
  it('reject blank or extra content', () => {
    expect(addendumBody.safeParse({ text: '  ' }).success).toBe(false);
    expect(retractBody.safeParse({ reason: '' }).success).toBe(false);
    expect(retractBody.safeParse({ reason: 'x', by: 'me' }).success).toBe(false);
  });
});

describe('bodyProblem', () => {
  it('is null for a valid body of every registered doc type', () => {
    expect(bodyProblem(entry({ docType: 'unit', body: validUnit }))).toBeNull();
    expect(bodyProblem(entry({ docType: 'patient', body: validPatient }))).toBeNull();
    expect(bodyProblem(entry({ docType: 'note', body: validNote }))).toBeNull();
  });

  it('checks amend and resolve bodies with the doc type schema too', () => {
    expect(bodyProblem(entry({ kind: 'amend', parents: [newId()], body: validNote }))).toBeNull();
    expect(bodyProblem(entry({ kind: 'resolve', parents: [newId(), newId()], body: { target: '' } }))).toMatch(
      /^body of note resolve is invalid: /,
    );
  });

  it('names the field that is wrong', () => {
    const reason = bodyProblem(entry({ body: without(validNote, 'target') }));
    expect(reason).toMatch(/^body of note create is invalid: /);
    expect(reason).toContain('target');
    expect(bodyProblem(entry({ docType: 'patient', body: { ...validPatient, birthDate: '1948-13-12' } }))).toContain(
      'birthDate',
    );
  });

  it('checks an addendum body as {text}, whatever the doc type', () => {
    const parents = [newId()];
    expect(bodyProblem(entry({ kind: 'addendum', parents, body: { text: 'Famille prévenue' } }))).toBeNull();
    expect(bodyProblem(entry({ docType: 'unit', kind: 'addendum', parents, body: { text: 'Vu' } }))).toBeNull();
    expect(bodyProblem(entry({ kind: 'addendum', parents, body: validNote }))).toMatch(/^body of note addendum is invalid/);
    expect(bodyProblem(entry({ kind: 'addendum', parents, body: { text: '' } }))).toContain('the addendum is empty');
  });

  it('checks a retract body as {reason}, whatever the doc type', () => {
    const parents = [newId()];
    expect(bodyProblem(entry({ kind: 'retract', parents, body: { reason: 'Mauvais patient' } }))).toBeNull();
    expect(bodyProblem(entry({ docType: 'patient', kind: 'retract', parents, body: { reason: 'Doublon' } }))).toBeNull();
    expect(bodyProblem(entry({ kind: 'retract', parents, body: {} }))).toMatch(/^body of note retract is invalid: reason/);
    expect(bodyProblem(entry({ kind: 'retract', parents, body: { reason: ' ' } }))).toContain('a retraction needs a reason');
    expect(bodyProblem(entry({ kind: 'retract', parents, body: validNote }))).not.toBeNull();
  });

  it('refuses an unknown doc type', () => {
    expect(bodyProblem(entry({ docType: 'prescription' }))).toBe("unknown docType 'prescription'");
  });

  it('refuses null and non-object bodies without throwing', () => {
    for (const body of [null, undefined, 42, 'texte', []]) {
      expect(bodyProblem(entry({ body }))).not.toBeNull();
      expect(bodyProblem(entry({ docType: 'patient', body }))).not.toBeNull();
    }
  });
});

