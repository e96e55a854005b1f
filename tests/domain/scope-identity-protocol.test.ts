// Who reads and writes which scope, the patient identifiers shown on every screen, and the
// wire schemas of the sync protocol. (Entry and body schemas are in schemas.test.ts.)
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/roles';
import { GLOBAL_SCOPE, canRead, canWrite, isValidScope, readableScopes, unitOfScope, unitScope } from '../../src/domain/scope';
import { ageOn, displayName } from '../../src/domain/patient-identity';
import { loginRequestSchema, MAX_PUSH_ENTRIES, pullQuerySchema, pushRequestSchema } from '../../src/domain/protocol';

describe('scopes', () => {
  const nurse = { role: 'nurse' as Role, units: ['CARDIO'] };
  const charge = { role: 'charge' as Role, units: ['CARDIO', 'NEURO'] };
  const admin = { role: 'admin' as Role, units: [] as string[] };

  it('names unit scopes and reads them back', () => {
    expect(unitScope('CARDIO')).toBe('unit:CARDIO');
    expect(unitOfScope('unit:CARDIO')).toBe('CARDIO');
    expect(unitOfScope(GLOBAL_SCOPE)).toBeNull();
    expect(unitOfScope('unit:')).toBeNull();
    expect(unitOfScope('unit:cardio')).toBeNull();
    expect(unitOfScope('unit:CARDIO/../NEURO')).toBeNull();
    expect(unitOfScope('ward:CARDIO')).toBeNull();
    expect(isValidScope('global')).toBe(true);
    expect(isValidScope('unit:NEURO')).toBe(true);
    expect(isValidScope('GLOBAL')).toBe(false);
    expect(isValidScope('')).toBe(false);
  });

  it('lets everyone read global and their own wards only', () => {
    expect(readableScopes(nurse)).toEqual(['global', 'unit:CARDIO']);
    expect(readableScopes(charge)).toEqual(['global', 'unit:CARDIO', 'unit:NEURO']);
    expect(canRead(nurse, 'global')).toBe(true);
    expect(canRead(nurse, 'unit:CARDIO')).toBe(true);
    expect(canRead(nurse, 'unit:NEURO')).toBe(false);
    expect(canRead(charge, 'unit:NEURO')).toBe(true);
    expect(canRead(charge, 'unit:REA')).toBe(false);
    expect(canRead(admin, 'global')).toBe(true);
    expect(canRead(nurse, 'unit:')).toBe(false);
    expect(canRead(nurse, 'bogus')).toBe(false);
  });

  it('reads unit scopes for an admin only through the wards they belong to', () => {
    // An admin writes any ward (canWrite), but reads by membership: the server gives the
    // crisis cell its wards. Pinned here so a change to that rule is a decision, not an accident.
    expect(canRead(admin, 'unit:CARDIO')).toBe(false);
    expect(canRead({ ...admin, units: ['CARDIO'] }, 'unit:CARDIO')).toBe(true);
  });

  it('lets nurses and charge nurses write their wards, never global', () => {
    for (const user of [nurse, charge]) {
      expect(canWrite(user, 'unit:CARDIO')).toBe(true);
      expect(canWrite(user, 'unit:REA')).toBe(false);
      expect(canWrite(user, 'global')).toBe(false);
      expect(canWrite(user, 'unit:cardio')).toBe(false);
    }
  });

  it('lets an admin write global and any well-formed ward scope', () => {
    expect(canWrite(admin, 'global')).toBe(true);
    expect(canWrite(admin, 'unit:CARDIO')).toBe(true);
    expect(canWrite(admin, 'unit:REA')).toBe(true);
    expect(canWrite(admin, 'unit:')).toBe(false);
    expect(canWrite(admin, 'everything')).toBe(false);
  });
});

describe('patient identity', () => {
  it('shows the last name in capitals before the first name', () => {
    expect(displayName({ lastName: 'Durand', firstName: 'Jeanne' })).toBe('DURAND Jeanne');
    expect(displayName({ lastName: 'Lefèvre-Noël', firstName: 'Zoé' })).toBe('LEFÈVRE-NOËL Zoé');
  });

  it.each([
    ['1948-03-12', '2026-03-11T23:59:59Z', 77],
    ['1948-03-12', '2026-03-12T00:00:00Z', 78],
    ['1948-03-12', '2026-12-31T12:00:00Z', 78],
    ['2000-02-29', '2001-02-28T12:00:00Z', 0],
    ['2000-02-29', '2001-03-01T12:00:00Z', 1],
    ['2000-02-29', '2004-02-29T12:00:00Z', 4],
    ['2026-02-09', '2026-02-09T08:00:00Z', 0],
    ['1990-12-31', '2026-01-01T00:00:00Z', 35],
  ])('ageOn(%s, %s) = %i', (birthDate, today, age) => {
    expect(ageOn(birthDate, new Date(today))).toBe(age);
  });
});

describe('protocol schemas', () => {
  it('checks a login', () => {
    expect(loginRequestSchema.safeParse({ username: 'camille', password: 'x', deviceId: 'tab-1' }).success).toBe(true);
    expect(loginRequestSchema.safeParse({ username: '', password: 'x', deviceId: 'tab-1' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ username: 'camille', password: 'x' }).success).toBe(false);
  });

  it('caps a push at MAX_PUSH_ENTRIES, leaving each entry to be checked one by one', () => {
    const entries = (n: number) => Array.from({ length: n }, () => ({}));
    expect(pushRequestSchema.safeParse({ deviceId: 'tab-1', entries: entries(MAX_PUSH_ENTRIES) }).success).toBe(true);
    expect(pushRequestSchema.safeParse({ deviceId: 'tab-1', entries: entries(MAX_PUSH_ENTRIES + 1) }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ deviceId: 'tab-1', entries: [42, 'junk'] }).success).toBe(true);
  });

  it('reads pull cursors from query strings, with defaults and bounds', () => {
    expect(pullQuerySchema.parse({})).toEqual({ after: 0, limit: 500 });
    expect(pullQuerySchema.parse({ after: '17', limit: '3' })).toEqual({ after: 17, limit: 3 });
    expect(pullQuerySchema.safeParse({ after: '-1' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ after: '1.5' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ since: '2026-02-09' }).success).toBe(false);
  });
});
