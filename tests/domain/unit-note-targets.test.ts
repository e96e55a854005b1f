// Issue 11 §3: a ward's frequent cibles, offered in one tap in the note form, set by an admin.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTE_TARGETS, noteTargetsOf, typedUnit, unitBody } from '../../src/domain/schemas';

const MED = { code: 'MED', name: 'Médecine interne' };

describe('a ward’s frequent cibles', () => {
  it('are the ward’s own when it has them, else the defaults', () => {
    expect(noteTargetsOf({ noteTargets: ['Douleur', 'Glycémie'] })).toEqual(['Douleur', 'Glycémie']);
    expect(noteTargetsOf({})).toBe(DEFAULT_NOTE_TARGETS);
    expect(noteTargetsOf(undefined)).toEqual(expect.arrayContaining(['Douleur', 'Chute', 'Élimination', 'Alimentation', 'Sommeil', 'Anxiété', 'Plaie']));
  });

  it('are optional on a ward, and refused empty, too long, twice or too many', () => {
    expect(unitBody.safeParse(MED).success).toBe(true);
    expect(unitBody.safeParse({ ...MED, noteTargets: ['Douleur', 'Chute'] }).success).toBe(true);
    for (const bad of [[''], ['  '], ['x'.repeat(61)], ['Douleur', 'douleur'], Array.from({ length: 25 }, (_, i) => `Cible ${i}`), 'Douleur']) {
      expect(unitBody.safeParse({ ...MED, noteTargets: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('are read from the admin’s lines: blank lines and spaces dropped, none left meaning the defaults', () => {
    expect(typedUnit({ ...MED, noteTargets: [' Douleur ', '', 'Chute', '   '] })).toEqual({ ...MED, noteTargets: ['Douleur', 'Chute'] });
    expect(typedUnit({ ...MED, noteTargets: ['', ' '] })).toEqual(MED);
    expect(unitBody.safeParse(typedUnit({ ...MED, noteTargets: ['Plaie', '', 'Sommeil'] })).success).toBe(true);
  });
});
