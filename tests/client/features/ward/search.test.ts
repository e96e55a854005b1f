// Ward board search: accents and case ignored, every word must match somewhere among name,
// IPP, room and bed.
import { describe, it, expect } from 'vitest';
import { fold, matchesPatient } from '../../../../src/client/features/ward/search';
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
