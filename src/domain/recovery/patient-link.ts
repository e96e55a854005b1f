// A `patient-link` document: a patient known under one number (a temporary TMP-… admitted during
// the outage, or an HL7 A40 "prior patient") is the same person as another, real one. The link
// is an entry; nothing is rewritten: the merged patient's notes, forms and prescriptions keep
// their patientId and show under the real patient, marked as written under the other number.
// A wrong link is undone by retracting it, with a reason; linking again is a new link.
//
// It lives in the merged patient's ward scope with patientId = the merged patient, so every
// tablet that holds that patient's documents receives it. Both identities are copied into the
// body: the real patient may live on another ward this tablet does not hold.
import { z } from 'zod';
import { uuidV7Schema, type Entry } from '../entry';
import type { DocState } from '../project';
import type { Role } from '../roles';

export const PATIENT_LINK_TYPE = 'patient-link';

/** The people who may link: recovery team, charge nurses (own ward), the crisis cell, and the HIS feed (A40). */
export const PATIENT_LINK_WRITERS = ['charge', 'recovery', 'admin', 'interface'] as const satisfies readonly Role[];

const PATIENT_LINK_SOURCES = ['manual', 'hl7-a40'] as const;

const linkedPatient = z.strictObject({
  patientId: uuidV7Schema,
  ipp: z.string().min(1).max(40),
  /** As shown on screens: LASTNAME First. */
  name: z.string().min(1).max(200),
  birthDate: z.iso.date(),
});
export type LinkedPatient = z.infer<typeof linkedPatient>;

export const patientLinkBody = z
  .strictObject({
    /** The patient whose documents move under `into`: the temporary one, or A40's prior patient. */
    merged: linkedPatient,
    into: linkedPatient,
    source: z.enum(PATIENT_LINK_SOURCES),
  })
  .refine((b) => b.merged.patientId !== b.into.patientId, { message: 'a patient cannot be linked to itself', path: ['into'] });
export type PatientLinkBody = z.infer<typeof patientLinkBody>;

/** Envelope rules: a link is never edited (undo and link again), and it hangs off the merged patient. */
export function patientLinkProblem(e: Entry): string | null {
  if (e.kind === 'amend' || e.kind === 'resolve') return 'a patient link is never edited: undo it (retract) and link again';
  if (e.kind !== 'create') return null;
  const merged = (e.body as { merged?: { patientId?: unknown } } | null | undefined)?.merged?.patientId;
  if (typeof merged !== 'string') return null; // a malformed body is bodyProblem's to report
  return e.patientId === merged ? null : 'a patient link hangs off the merged patient (patientId = merged.patientId)';
}

export interface PatientLink {
  docId: string;
  body: PatientLinkBody;
  linkedBy: { name: string; role: string; at: string };
}

export interface LinkIndex {
  /** merged patientId -> the one real patient it now shows under. */
  intoOf: Map<string, PatientLink>;
  /** Merged patients with two live links to different patients: shown under neither until a person undoes one. */
  ambiguous: Map<string, PatientLink[]>;
}

/** Live links (not undone), indexed. Pure: the same answer on every tablet whatever the arrival order. */
export function indexLinks(docs: readonly Pick<DocState, 'docId' | 'docType' | 'body' | 'retracted' | 'history'>[]): LinkIndex {
  const byMerged = new Map<string, PatientLink[]>();
  for (const d of docs) {
    if (d.docType !== PATIENT_LINK_TYPE || d.retracted || d.body === null) continue;
    const body = d.body as PatientLinkBody;
    const first = d.history[0];
    const link: PatientLink = { docId: d.docId, body, linkedBy: { name: first?.author.name ?? '', role: first?.author.role ?? '', at: first?.createdAt ?? '' } };
    const list = byMerged.get(body.merged.patientId) ?? [];
    list.push(link);
    byMerged.set(body.merged.patientId, list);
  }
  const intoOf = new Map<string, PatientLink>();
  const ambiguous = new Map<string, PatientLink[]>();
  for (const [merged, list] of byMerged) {
    const targets = new Set(list.map((l) => l.body.into.patientId));
    if (targets.size === 1) intoOf.set(merged, [...list].sort((a, b) => (a.docId < b.docId ? -1 : 1))[0]!);
    else ambiguous.set(merged, list);
  }
  return { intoOf, ambiguous };
}

/** The real patient a patient's documents show under, following chains (TMP -> A40 prior -> new); itself if none. */
export function realPatientOf(index: LinkIndex, patientId: string): string {
  let current = patientId;
  const seen = new Set([current]);
  for (;;) {
    const next = index.intoOf.get(current)?.body.into.patientId;
    if (next === undefined || seen.has(next)) return current;
    seen.add(next);
    current = next;
  }
}

/** Every patient whose documents show under `patientId` (itself excluded), with the link that brings each. */
export function mergedInto(index: LinkIndex, patientId: string): PatientLink[] {
  return [...index.intoOf.entries()]
    .filter(([merged]) => merged !== patientId && realPatientOf(index, merged) === patientId)
    .map(([, link]) => link);
}
