// Valid bodies and an entry maker shared by the body-schema and envelope tests.
import { newId, type Entry } from '../../src/domain/entry';
import { nurseCamille } from './fixtures';

export const validUnit = { code: 'CARDIO', name: 'Cardiologie' };
export const validPatient = {
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
export const validNote = { target: 'Douleur', data: 'EVA 6/10', actions: 'Paracétamol 1 g', results: '' };

/** An entry for the body and envelope checks: those never look at the hash. */
export function entry(over: Partial<Entry>): Entry {
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
