// Ward board search: accents and case ignored, every word must match somewhere among name,
// IPP, room and bed.
import { describe, it, expect } from 'vitest';
import { fold, matchesPatient, queryWords } from '../../../../src/client/features/ward/search';
import type { PatientBody } from '../../../../src/domain/schemas';

const helene: PatientBody = {
  ipp: '80012345', lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1948-03-12', sex: 'F',
  unitCode: 'MED', room: '112', bed: 'B', allergies: [],
};
const noBed: PatientBody = { ...helene, ipp: '80099999', lastName: 'Nguyễn', firstName: 'Œdipe', room: '204', bed: undefined };

describe('fold', () => {
  it('drops accents and case', () => {
    expect(fold('Hélène LEFÈVRE')).toBe('helene lefevre');
    expect(fold('Nguyễn')).toBe('nguyen');
    expect(fold('ÇA')).toBe('ca');
  });
});

describe('matchesPatient', () => {
  it('matches everyone on an empty or blank query', () => {
    expect(matchesPatient(helene, '')).toBe(true);
    expect(matchesPatient(helene, '   ')).toBe(true);
  });

  it('finds a name typed without accents or capitals, and a part of it', () => {
    expect(matchesPatient(helene, 'helene')).toBe(true);
    expect(matchesPatient(helene, 'LEFEV')).toBe(true);
    expect(matchesPatient(noBed, 'nguyen')).toBe(true);
  });

  it('finds an IPP, or its start, and a room', () => {
    expect(matchesPatient(helene, '80012345')).toBe(true);
    expect(matchesPatient(helene, '800123')).toBe(true);
    expect(matchesPatient(helene, '112')).toBe(true);
    expect(matchesPatient(helene, '204')).toBe(false);
    expect(matchesPatient(noBed, '204')).toBe(true);
  });

  it('needs every word to match, in any order', () => {
    expect(matchesPatient(helene, 'helene 112')).toBe(true);
    expect(matchesPatient(helene, '112   lefevre')).toBe(true);
    expect(matchesPatient(helene, 'helene 113')).toBe(false);
    expect(matchesPatient(helene, 'helene martin')).toBe(false);
  });

  it('does not match what is not there', () => {
    expect(matchesPatient(helene, 'dupont')).toBe(false);
    expect(matchesPatient(noBed, '80012345')).toBe(false);
  });
});

describe('a room and bed written the ward\'s ways', () => {
  it('reads "101B", "101-B", "101 lit B", "101 B" and "101 bed b" as the one place 101b', () => {
    for (const q of ['101B', '101-B', '101 - B', '101 lit B', '101 B', '101 bed b', '101b']) {
      expect(queryWords(q), q).toEqual(['101b']);
    }
  });

  it('finds the patient in that room and bed, and not the one in the other bed', () => {
    const inA: PatientBody = { ...helene, ipp: '80011111', bed: 'A' };
    for (const q of ['112B', '112-B', '112 lit B', '112 B', 'helene 112b']) {
      expect(matchesPatient(helene, q), q).toBe(true);
      expect(matchesPatient(inA, q), q).toBe(false);
    }
  });

  it('does not take the start of a name after a number for a bed', () => {
    expect(queryWords('112 helene')).toEqual(['112', 'helene']);
    expect(queryWords('80012345 lefevre')).toEqual(['80012345', 'lefevre']);
    expect(matchesPatient(helene, '112 helene')).toBe(true);
  });

  it('finds a room with no bed by its number alone', () => {
    expect(matchesPatient(noBed, '204')).toBe(true);
    expect(matchesPatient(noBed, '204 B')).toBe(false);
  });
});
