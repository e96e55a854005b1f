// The procedure library and the directory, offline: search, wards, review dates, languages,
// dialable numbers; and the reference content schemas.
import { describe, expect, it } from 'vitest';
import { appliesToUnit, fold, isReviewOverdue, localDate, matchesContact, matchesProcedure, pickTranslations, telHref } from '../../src/domain/downtime/library';
import { procedureBody, type ProcedureBody } from '../../src/domain/schemas/procedure';
import { contactBody, type ContactBody } from '../../src/domain/schemas/contact';
import { callTreeBody } from '../../src/domain/schemas/calltree';
import { envelopeProblem } from '../../src/domain/schemas';
import { makeCreate } from './fixtures';

const proc: ProcedureBody = {
  code: 'FR-02', title: 'Panne du standard téléphonique', category: 'communication', units: 'all', roles: ['nurse'],
  summary: 'Le standard ne répond plus.', steps: [{ text: 'Récupérer la radio au PC sécurité', checklist: true }],
  owner: 'Direction des soins', reviewedAt: '2026-01-10', nextReviewAt: '2027-01-10', lang: 'fr',
};
const pharmacist: ContactBody = {
  name: 'Pharmacien d’astreinte', role: 'Pharmacien', service: 'Pharmacie',
  phones: [{ label: 'DECT', number: '4040', kind: 'dect' }, { label: 'Portable', number: '06 00 00 10 40', kind: 'mobile' },
    { label: 'Radio', number: 'Canal 2', kind: 'radio' }],
  notes: '', onCall: true,
};

describe('the procedure library', () => {
  it('finds procedures without accents or case, in the title, summary and steps', () => {
    expect(fold('Sécurité Éléments')).toBe('securite elements');
    expect(matchesProcedure(proc, 'standard')).toBe(true);
    expect(matchesProcedure(proc, 'securite radio')).toBe(true);
    expect(matchesProcedure(proc, 'fr-02')).toBe(true);
    expect(matchesProcedure(proc, 'transfusion')).toBe(false);
  });

  it('filters by ward: "all" covers every ward', () => {
    expect(appliesToUnit(proc, 'MED')).toBe(true);
    expect(appliesToUnit({ units: ['ONCO'] }, 'MED')).toBe(false);
    expect(appliesToUnit({ units: ['ONCO'] }, 'ONCO')).toBe(true);
  });

  it('says a procedure is overdue for review only once its date has passed', () => {
    expect(isReviewOverdue(proc, '2027-01-10')).toBe(false);
    expect(isReviewOverdue(proc, '2027-01-11')).toBe(true);
    expect(localDate(new Date(2026, 2, 5, 23, 30))).toBe('2026-03-05');
  });

  it('shows each fiche once, in the reader’s language when translated, else in French', () => {
    const items = [
      { docId: 'a', body: { code: 'FR-01', lang: 'fr' as const } },
      { docId: 'b', body: { code: 'FR-01', lang: 'en' as const } },
      { docId: 'c', body: { code: 'FR-02', lang: 'fr' as const } },
      { docId: 'd', body: { lang: 'fr' as const } },
    ];
    expect(pickTranslations(items, 'en').map((i) => i.docId)).toEqual(['b', 'c', 'd']);
    expect(pickTranslations(items, 'fr').map((i) => i.docId)).toEqual(['a', 'c', 'd']);
  });

  it('checks procedure bodies: review dates in order, wards, roles, at least one step', () => {
    expect(procedureBody.safeParse(proc).success).toBe(true);
    expect(procedureBody.safeParse({ ...proc, nextReviewAt: '2025-01-01' }).success).toBe(false);
    expect(procedureBody.safeParse({ ...proc, units: ['med'] }).success).toBe(false);
    expect(procedureBody.safeParse({ ...proc, roles: [] }).success).toBe(false);
    expect(procedureBody.safeParse({ ...proc, steps: [] }).success).toBe(false);
    expect(procedureBody.safeParse({ ...proc, category: 'misc' }).success).toBe(false);
  });

  it('lets only an admin write procedures, contacts and call trees, in global scope', async () => {
    for (const docType of ['procedure', 'contact', 'calltree']) {
      const e = await makeCreate({}, { docType, scope: 'global', patientId: undefined });
      expect(envelopeProblem(e, 'nurse')).toBe(`role nurse may not write ${docType}`);
      expect(envelopeProblem(e, 'charge')).toBe(`role charge may not write ${docType}`);
      expect(envelopeProblem(e, 'admin')).toBeNull();
      const inWard = await makeCreate({}, { docType, scope: 'unit:MED', patientId: undefined });
      expect(envelopeProblem(inWard, 'admin')).toBe(`${docType} documents live in scope global`);
    }
  });
});

describe('the directory', () => {
  it('finds a contact by name, service, role or number', () => {
    expect(matchesContact(pharmacist, 'pharma')).toBe(true);
    expect(matchesContact(pharmacist, 'astreinte pharmacie')).toBe(true);
    expect(matchesContact(pharmacist, '4040')).toBe(true);
    expect(matchesContact(pharmacist, 'laboratoire')).toBe(false);
  });

  it('makes tel: links for numbers only, never for a radio channel or a runner', () => {
    expect(telHref(pharmacist.phones[0]!)).toBe('tel:4040');
    expect(telHref(pharmacist.phones[1]!)).toBe('tel:0600001040');
    expect(telHref(pharmacist.phones[2]!)).toBeNull();
    expect(telHref({ label: 'Coursier', number: '1234', kind: 'runner' })).toBeNull();
    expect(telHref({ label: 'Ligne', number: 'voir cadre', kind: 'landline' })).toBeNull();
  });

  it('checks contacts and call trees', () => {
    expect(contactBody.safeParse(pharmacist).success).toBe(true);
    expect(contactBody.safeParse({ ...pharmacist, phones: [] }).success).toBe(false);
    expect(contactBody.safeParse({ ...pharmacist, phones: [{ label: 'x', number: '1', kind: 'pager' }] }).success).toBe(false);
    const tree = { title: 'Arbre', event: 'cyberattack', summary: '', lang: 'fr', steps: [{ contactId: 'not-a-uuid', action: 'Appeler' }] };
    expect(callTreeBody.safeParse(tree).success).toBe(false);
  });
});
