import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/roles';
import { entrySchema, entryShapeProblem, newId, type Entry } from '../../src/domain/entry';
import {
  DOC_TYPES,
  addendumBody,
  bodyProblem,
  envelopeProblem,
  noteBody,
  patientBody,
  retractBody,
  unitBody,
} from '../../src/domain/schemas';
import { makeCreate, nurseCamille } from './fixtures';

const validUnit = { code: 'CARDIO', name: 'Cardiologie' };
const validPatient = {
  ipp: '000123456',
  lastName: 'Durand',
  firstName: 'Jeanne',
  birthDate: '1948-03-12',
  sex: 'F',
  unitCode: 'CARDIO',
  room: '214',
  bed: 'A',
  allergies: ['Pénicilline'],
  admittedAt: '2026-02-07T10:30:00+01:00',
};
const validNote = { target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g', results: '' };

/** An entry for the body and envelope checks: those never look at the hash. */
function entry(over: Partial<Entry>): Entry {
  return {
    id: newId(),
    docId: newId(),
    docType: 'note',
    kind: 'create',
    parents: [],
    scope: 'unit:CARDIO',
    patientId: newId(),
    body: validNote,
    author: nurseCamille,
    deviceId: 'tab-cardio-1',
    deviceSeq: 1,
    createdAt: '2026-02-09T14:05:00.000Z',
    hash: 'sha256:' + 'a'.repeat(64),
    ...over,
  };
}

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

describe('envelopeProblem', () => {
  const patientCreate = (over: Partial<Entry> = {}) =>
    entry({ docType: 'patient', patientId: undefined, body: validPatient, ...over });

  it('accepts the ordinary cases', () => {
    expect(envelopeProblem(entry({}), 'nurse')).toBeNull();
    expect(envelopeProblem(entry({}), 'charge')).toBeNull();
    expect(envelopeProblem(patientCreate(), 'nurse')).toBeNull();
    expect(envelopeProblem(entry({ docType: 'unit', scope: 'global', patientId: undefined, body: validUnit }), 'admin')).toBeNull();
  });

  it('refuses a nurse or a charge nurse writing a unit document', () => {
    const unit = entry({ docType: 'unit', scope: 'global', patientId: undefined, body: validUnit });
    expect(envelopeProblem(unit, 'nurse')).toBe('role nurse may not write unit');
    expect(envelopeProblem(unit, 'charge')).toBe('role charge may not write unit');
  });

  it('refuses a unit document outside the global scope', () => {
    const unit = entry({ docType: 'unit', scope: 'unit:CARDIO', patientId: undefined, body: validUnit });
    expect(envelopeProblem(unit, 'admin')).toBe('unit documents live in scope global');
  });

  it('refuses a patient or a note outside a unit scope', () => {
    expect(envelopeProblem(patientCreate({ scope: 'global' }), 'admin')).toBe('patient documents live in a unit scope');
    expect(envelopeProblem(entry({ scope: 'global' }), 'nurse')).toBe('note documents live in a unit scope');
    expect(envelopeProblem(entry({ scope: 'unit:cardio' }), 'nurse')).toBe('note documents live in a unit scope');
  });

  it('refuses a patient whose unitCode does not match its scope', () => {
    expect(envelopeProblem(patientCreate({ scope: 'unit:NEURO' }), 'nurse')).toBe(
      'a patient of unit CARDIO lives in scope unit:CARDIO',
    );
    const moved = { ...validPatient, unitCode: 'NEURO' };
    expect(envelopeProblem(patientCreate({ kind: 'amend', parents: [newId()], body: moved }), 'nurse')).toBe(
      'a patient of unit NEURO lives in scope unit:NEURO',
    );
  });

  it('does not apply the unitCode rule to a patient addendum or retract', () => {
    const parents = [newId()];
    expect(envelopeProblem(patientCreate({ kind: 'addendum', parents, body: { text: 'Vu' } }), 'nurse')).toBeNull();
    expect(envelopeProblem(patientCreate({ kind: 'retract', parents, body: { reason: 'Doublon' } }), 'nurse')).toBeNull();
  });

  it('refuses a note without a patientId', () => {
    expect(envelopeProblem(entry({ patientId: undefined }), 'nurse')).toBe('a note needs a patientId');
  });

  it('refuses an unknown doc type', () => {
    expect(envelopeProblem(entry({ docType: 'prescription' }), 'admin')).toBe("unknown docType 'prescription'");
  });

  it('answers with a reason, never an exception, when a patient body is malformed', () => {
    // The server must never answer 500 to bad input, whichever check it runs first.
    for (const body of [null, undefined, 42, 'texte', {}]) {
      const problem = () => envelopeProblem(patientCreate({ body }), 'nurse');
      expect(problem).not.toThrow();
      expect(problem()).not.toBeNull();
    }
  });

  it('knows a writer list for every doc type', () => {
    for (const [type, rule] of Object.entries(DOC_TYPES)) {
      expect(rule.writers.length, type).toBeGreaterThan(0);
      for (const role of rule.writers) expect(ROLES).toContain(role);
    }
  });
});

describe('entryShapeProblem', () => {
  const id = newId();
  const [p1, p2] = [newId(), newId()];
  it.each([
    ['create', [], null],
    ['create', [p1], 'a create has no parents'],
    ['amend', [p1], null],
    ['amend', [], 'an amend names exactly one parent'],
    ['amend', [p1, p2], 'an amend names exactly one parent'],
    ['addendum', [p1], null],
    ['addendum', [p1, p2], 'an addendum names exactly one parent'],
    ['retract', [], 'an retract names exactly one parent'],
    ['retract', [p1], null],
    ['resolve', [p1, p2], null],
    ['resolve', [p1], 'a resolve names every conflicting head (at least two)'],
    ['resolve', [p1, p2, p1], 'parents must not repeat'],
    ['amend', [id], 'an entry cannot be its own parent'],
    ['resolve', [p1, id], 'an entry cannot be its own parent'],
  ] as const)('%s with parents %j -> %s', (kind, parents, expected) => {
    const got = entryShapeProblem({ id, kind, parents: [...parents] });
    expect(got).toBe(expected);
  });
});

describe('entrySchema', () => {
  it('accepts a sealed entry, with or without the server stamps', async () => {
    const e = await makeCreate(validNote);
    expect(entrySchema.safeParse(e).success).toBe(true);
    expect(entrySchema.safeParse({ ...e, serverSeq: 1, receivedAt: '2026-02-10T12:00:00Z' }).success).toBe(true);
  });

  const V4 = '9b2f6a1e-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
  it.each([
    ['a UUIDv4 id', { id: V4 }],
    ['an uppercase UUIDv7 id', { id: newId().toUpperCase() }],
    ['an id that is not a UUID', { id: 'entry-1' }],
    ['a v7 id with the wrong variant', { id: ((id) => id.slice(0, 19) + 'c' + id.slice(20))(newId()) }],
    ['a UUIDv4 docId', { docId: V4 }],
    ['a UUIDv4 parent', { parents: [V4] }],
    ['a UUIDv4 patientId', { patientId: V4 }],
    ['a UUIDv4 downtimeId', { downtimeId: V4 }],
    ['a hash without prefix', { hash: 'a'.repeat(64) }],
    ['a hash of 63 hex digits', { hash: 'sha256:' + 'a'.repeat(63) }],
    ['a hash of 65 hex digits', { hash: 'sha256:' + 'a'.repeat(65) }],
    ['an uppercase hash', { hash: 'sha256:' + 'A'.repeat(64) }],
    ['another algorithm', { hash: 'md5:' + 'a'.repeat(32) }],
    ['an unknown kind', { kind: 'delete' }],
    ['deviceSeq 0', { deviceSeq: 0 }],
    ['a fractional deviceSeq', { deviceSeq: 1.5 }],
    ['a createdAt without offset', { createdAt: '2026-02-09T14:05:00' }],
    ['patientId null', { patientId: null }],
    ['an extra field', { syncedAt: '2026-02-09T14:05:00Z' }],
    ['an author with an extra field', { author: { ...nurseCamille, password: 'x' } }],
    ['more than 64 parents', { parents: Array.from({ length: 65 }, () => newId()) }],
  ])('rejects %s', async (_why, over) => {
    const e = await makeCreate(validNote);
    expect(entrySchema.safeParse({ ...e, ...over }).success).toBe(false);
  });

  it('accepts a createdAt with a UTC offset', async () => {
    const e = await makeCreate(validNote);
    expect(entrySchema.safeParse({ ...e, createdAt: '2026-02-09T15:05:00+01:00' }).success).toBe(true);
  });

  it('accepts ids made by newId()', () => {
    for (let i = 0; i < 100; i++) expect(entrySchema.shape.id.safeParse(newId()).success).toBe(true);
  });
});
