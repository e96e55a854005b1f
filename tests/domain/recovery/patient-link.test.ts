// The patient-link entry: checked like every document, indexed the same on every tablet, undone
// by a retract, and never silently choosing between two contradicting links.
import { describe, expect, it } from 'vitest';
import { newId, type Author } from '../../../src/domain/entry';
import { projectAll, projectDocument } from '../../../src/domain/project';
import { indexLinks, mergedInto, realPatientOf, type PatientLinkBody } from '../../../src/domain/recovery/patient-link';
import { bodyProblem, envelopeProblem } from '../../../src/domain/schemas';
import { amend, makeCreate, retract, UNIT_SCOPE } from '../fixtures';

const charge: Author = { userId: 'u-nadia', name: 'Nadia Roux', role: 'charge' };
const TMP = newId();
const REAL = newId();
const OTHER = newId();

function link(merged: string, into: string): PatientLinkBody {
  return {
    merged: { patientId: merged, ipp: 'TMP-7K2M9QX4-0001', name: 'INCONNU Homme', birthDate: '1950-01-01' },
    into: { patientId: into, ipp: into === REAL ? '80012345' : '80099999', name: 'DURAND Paul', birthDate: '1948-03-12' },
    source: 'manual',
  };
}

const makeLink = (body: PatientLinkBody) => makeCreate(body, { docType: 'patient-link', patientId: body.merged.patientId, author: charge });

describe('patient-link', () => {
  it('is a valid document for charge, recovery, admin and the HIS feed, never for a nurse', async () => {
    const e = await makeLink(link(TMP, REAL));
    expect(bodyProblem(e)).toBeNull();
    for (const role of ['charge', 'recovery', 'admin', 'interface'] as const) expect(envelopeProblem(e, role)).toBeNull();
    expect(envelopeProblem(e, 'nurse')).toMatch(/may not write patient-link/);
  });

  it('refuses a link to itself, one hung off the wrong patient, and any edit', async () => {
    expect(bodyProblem(await makeLink(link(TMP, TMP)))).toMatch(/itself/);
    const wrongPatient = await makeCreate(link(TMP, REAL), { docType: 'patient-link', patientId: REAL, author: charge });
    expect(envelopeProblem(wrongPatient, 'charge')).toMatch(/merged patient/);
    const e = await makeLink(link(TMP, REAL));
    expect(envelopeProblem(await amend(e, link(TMP, OTHER), { author: charge }), 'charge')).toMatch(/never edited/);
    const global = await makeCreate(link(TMP, REAL), { docType: 'patient-link', patientId: TMP, author: charge, scope: 'global' });
    expect(envelopeProblem(global, 'charge')).toMatch(/unit scope|its ward/);
    expect(UNIT_SCOPE).toMatch(/^unit:/);
  });

  it('shows the temporary patient under the real one until the link is undone', async () => {
    const e = await makeLink(link(TMP, REAL));
    const live = indexLinks([projectDocument([e])]);
    expect(realPatientOf(live, TMP)).toBe(REAL);
    expect(mergedInto(live, REAL).map((l) => l.body.merged.patientId)).toEqual([TMP]);
    const undo = await retract(e, 'mauvais patient : homonyme', { author: charge });
    const undone = indexLinks([...projectAll([e, undo]).values()]);
    expect(realPatientOf(undone, TMP)).toBe(TMP);
    expect(mergedInto(undone, REAL)).toEqual([]);
  });

  it('follows a chain (temporary -> prior -> surviving) and leaves two contradicting links to a person', async () => {
    const first = await makeLink(link(TMP, REAL));
    const a40 = await makeLink({ ...link(REAL, OTHER), source: 'hl7-a40' });
    const chain = indexLinks([...projectAll([first, a40]).values()]);
    expect(realPatientOf(chain, TMP)).toBe(OTHER);
    expect(mergedInto(chain, OTHER).map((l) => l.body.merged.patientId).sort()).toEqual([REAL, TMP].sort());

    const rival = await makeLink(link(TMP, OTHER));
    const both = indexLinks([...projectAll([first, rival]).values()]);
    expect(both.ambiguous.get(TMP)).toHaveLength(2);
    expect(realPatientOf(both, TMP)).toBe(TMP);
  });
});
