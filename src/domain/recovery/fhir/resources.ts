// Relève documents as FHIR R4 resources: Patient, QuestionnaireResponse, Observation (per vitals
// reading), DocumentReference (per nursing-note version). Each carries an identifier from its
// Relève id; the bundle (bundle.ts) conditionally creates it on that identifier.
import { authorDisplay } from '../../provisional';
import type { Version } from '../../project';
import type { NoteBody, PatientBody } from '../../schemas';
import type { QuestionnaireResponse } from '../../questionnaire/types';
import { TEMPORARY_IPP } from '../../questionnaire/admission';
import { NURSE_NOTE, OBSERVATION_CATEGORY, SYSTEMS, urn } from './systems';
import { loincCoding, quantityOf, type VitalsRow } from './vitals';

export type Resource = Record<string, unknown> & { resourceType: string };

const GENDER = { F: 'female', M: 'male', X: 'other' } as const;

export function ippIdentifier(ipp: string) {
  return { system: TEMPORARY_IPP.test(ipp) ? SYSTEMS.temporaryIpp : SYSTEMS.ipp, value: ipp };
}

/** A census patient; a temporary one linked to a real patient says it was replaced by it. */
export function patientResource(p: PatientBody, replacedBy: string | null): Resource {
  return {
    resourceType: 'Patient',
    identifier: [ippIdentifier(p.ipp)],
    active: replacedBy === null,
    name: [{ family: p.lastName, given: [p.firstName] }],
    gender: GENDER[p.sex],
    birthDate: p.birthDate,
    ...(replacedBy !== null ? { link: [{ other: { reference: urn(replacedBy) }, type: 'replaced-by' }] } : {}),
  };
}

export type ExportStatus = 'current' | 'amended' | 'retracted';

export function questionnaireResponse(docId: string, body: QuestionnaireResponse, subject: string, status: ExportStatus): Resource {
  return {
    resourceType: 'QuestionnaireResponse',
    identifier: { system: SYSTEMS.document, value: docId },
    questionnaire: body.questionnaire,
    status: status === 'retracted' ? 'entered-in-error' : status === 'amended' ? 'amended' : body.status,
    subject: { reference: urn(subject) },
    authored: body.authored,
    ...(body.author ? { author: { display: body.author.display } } : {}),
    ...(body.item ? { item: body.item } : {}),
    ...(body.extension ? { extension: body.extension } : {}),
  };
}

function observationKey(docId: string, row: VitalsRow, loinc: string): string {
  return `${docId}-r${row.index}-${loinc}`;
}

/** One Observation per reading of a row; effectiveDateTime is the time written on the row. */
export function vitalObservations(docId: string, rows: readonly VitalsRow[], subject: string, status: ExportStatus): { key: string; resource: Resource }[] {
  return rows.flatMap((row) =>
    row.readings.map((r) => {
      const key = observationKey(docId, row, r.code.loinc);
      return {
        key,
        resource: {
          resourceType: 'Observation',
          identifier: [{ system: SYSTEMS.observation, value: key }],
          status: status === 'retracted' ? 'entered-in-error' : status === 'amended' ? 'amended' : 'final',
          category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }],
          code: { coding: [loincCoding(r.code)] },
          subject: { reference: urn(subject) },
          effectiveDateTime: row.time,
          valueQuantity: quantityOf(r),
          derivedFrom: [{ reference: urn(docId) }],
          ...(row.initials ? { note: [{ text: `Initiales : ${row.initials}` }] } : {}),
        },
      };
    }),
  );
}

function base64Utf8(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The note as the main record's nursing-notes screen asks for it: target, then D, A, R. */
function noteText(n: NoteBody): string {
  return [`Cible : ${n.target}`, n.data && `Données : ${n.data}`, n.actions && `Actions : ${n.actions}`, n.results && `Résultats : ${n.results}`]
    .filter(Boolean)
    .join('\n');
}

/**
 * Every version of a nursing note, oldest first: the newest is current (or entered-in-error), the
 * others superseded, each replacing the one before. masterIdentifier names the version.
 */
export function noteVersions(docId: string, history: readonly Version[], subject: string, retracted: boolean): { version: Version; resource: Resource }[] {
  return history.map((v, i) => {
    const latest = i === history.length - 1;
    const n = v.body as NoteBody;
    return {
      version: v,
      resource: {
        resourceType: 'DocumentReference',
        masterIdentifier: { system: SYSTEMS.entry, value: v.entryId },
        identifier: [{ system: SYSTEMS.document, value: docId }],
        status: retracted ? 'entered-in-error' : latest ? 'current' : 'superseded',
        docStatus: i > 0 ? 'amended' : 'final',
        type: { coding: [NURSE_NOTE] },
        subject: { reference: urn(subject) },
        date: v.createdAt,
        author: [{ display: authorDisplay(v.author) }],
        description: n.target,
        // When it was observed, which an outage's late notes need apart from when they were typed (date).
        ...(n.observedAt ? { context: { period: { start: n.observedAt } } } : {}),
        ...(i > 0 ? { relatesTo: [{ code: 'replaces', target: { reference: urn(history[i - 1]!.entryId) } }] } : {}),
        content: [{ attachment: { contentType: 'text/plain; charset=utf-8', language: 'fr', data: base64Utf8(noteText(n)), title: n.target, creation: v.createdAt } }],
      },
    };
  });
}
