// The entry around a body: who may write which document where (envelopeProblem), the parent
// rules of each kind (entryShapeProblem) and the wire schema of a sealed entry (entrySchema).
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/roles';
import { entrySchema, entryShapeProblem, newId, type Entry } from '../../src/domain/entry';
import { DOC_TYPES, envelopeProblem } from '../../src/domain/schemas';
import { makeCreate, nurseCamille } from './fixtures';
import { entry, validNote, validPatient, validUnit } from './schema-fixtures';

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
