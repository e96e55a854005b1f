// The naming systems of the FHIR export: every resource carries an identifier built from a Relève
// id, so a FHIR server that receives the same export twice (conditional create on that
// identifier) creates nothing twice.
import { v5 as uuidv5 } from 'uuid';

const RELEVE_SYSTEM = 'https://releve.example/fhir/NamingSystem/';
export const SYSTEMS = {
  ipp: `${RELEVE_SYSTEM}ipp`,
  temporaryIpp: `${RELEVE_SYSTEM}temporary-ipp`,
  document: `${RELEVE_SYSTEM}document`,
  entry: `${RELEVE_SYSTEM}entry`,
  entryHash: `${RELEVE_SYSTEM}entry-hash`,
  observation: `${RELEVE_SYSTEM}observation`,
  user: `${RELEVE_SYSTEM}user`,
  device: `${RELEVE_SYSTEM}device`,
  downtime: `${RELEVE_SYSTEM}downtime`,
  paperSheet: `${RELEVE_SYSTEM}paper-sheet`,
} as const;

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const DATA_OPERATION = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** LOINC 34746-8: the nursing note every `note` document is exported as. */
export const NURSE_NOTE = { system: LOINC, code: '34746-8', display: 'Nurse Note' };

/** fullUrl of a resource made from one Relève document or entry (their ids are UUIDs). */
export const urn = (id: string) => `urn:uuid:${id}`;

const KEY_NAMESPACE = '6f1c2a8e-5d3b-4f7a-9c1e-2b8d4e6f0a13';
/** fullUrl of a resource derived from a key (an Observation of a row, a Provenance): a UUID, the same on every export. */
export const keyUrn = (key: string) => `urn:uuid:${uuidv5(key, KEY_NAMESPACE)}`;
