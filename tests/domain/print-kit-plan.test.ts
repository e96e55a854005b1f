import { describe, expect, it } from 'vitest';
import { formKindCoding } from '../../src/domain/questionnaire/handover';
import type { Questionnaire } from '../../src/domain/questionnaire/types';
import {
  DEFAULT_KIT_OPTIONS, kitOptionsFromSearch, kitOptionsToSearch, kitTemplates, latestForm, latestFormsByRole, planKit,
  type KitSheet, type TemplateDoc,
} from '../../src/domain/print/kit-plan';

const T = 'https://releve.example/fhir/Questionnaire/';
function tpl(docId: string, name: string, kind: string, version = '1.0.0', status: Questionnaire['status'] = 'active'): TemplateDoc {
  return { docId, body: { resourceType: 'Questionnaire', url: T + name, version, title: name, status, code: [formKindCoding(kind)], item: [{ linkId: 'x', type: 'string' }] } };
}
const templates = [
  tpl('saed', 'handover-saed', 'handover'), tpl('ipass', 'handover-ipass', 'handover'), tpl('ipass2', 'handover-ipass', 'handover', '1.10.0'),
  tpl('ipass-old', 'handover-ipass', 'handover', '1.9.0'), tpl('glu', 'glucose-insulin', 'flowsheet'), tpl('vs', 'vital-signs', 'flowsheet'),
  tpl('mar', 'medication-record', 'medication'), tpl('adm', 'downtime-admission', 'admission'), tpl('lab', 'lab-requisition', 'requisition'),
  tpl('tr', 'ward-transfer', 'transfer'), tpl('tr-draft', 'ward-transfer-v2', 'transfer', '1.0.0', 'draft'),
];

describe('kit templates', () => {
  it('picks the newest active version, I-PASS as the ward handover and the vital signs as the flowsheet', () => {
    const picked = kitTemplates(templates);
    expect(Object.fromEntries(Object.entries(picked).map(([role, t]) => [role, t!.docId]))).toEqual({
      handover: 'ipass2', vitals: 'vs', mar: 'mar', admission: 'adm', lab: 'lab', transfer: 'tr',
    });
  });
});

describe('latest forms', () => {
  const form = (docId: string, canonical: string, authored: string) => ({ docId, body: { questionnaire: canonical, authored } });
  it('is the last authored, whatever the offset, ties by docId', () => {
    expect(latestForm([form('a', 'x|1', '2026-03-02T10:00:00+01:00'), form('b', 'x|1', '2026-03-02T09:30:00Z')])!.docId).toBe('b');
    expect(latestForm([form('b', 'x|1', '2026-03-02T10:00:00Z'), form('a', 'x|1', '2026-03-02T10:00:00Z')])!.docId).toBe('b');
    expect(latestForm([])).toBeNull();
  });
  it('sorts forms by the role their template plays, any version', () => {
    const forms = [
      form('h1', `${T}handover-saed|1.0.0`, '2026-03-02T08:00:00Z'),
      form('h2', `${T}handover-ipass|1.9.0`, '2026-03-02T09:00:00Z'),
      form('g1', `${T}glucose-insulin|1.0.0`, '2026-03-02T09:00:00Z'),
      form('u1', `${T}unknown|1.0.0`, '2026-03-02T11:00:00Z'),
    ];
    const latest = latestFormsByRole(forms, templates);
    expect(latest.handover?.docId).toBe('h2');
    expect(latest.vitals).toBeUndefined();
  });
});

describe('planKit', () => {
  const input = {
    patients: [
      { patientId: 'p1', latest: { handover: { docId: 'f1', templateId: 'saed' } } },
      { patientId: 'p2', latest: {} },
    ],
    templates: { handover: { docId: 'ipass' }, vitals: { docId: 'vs' }, mar: { docId: 'mar' }, admission: { docId: 'adm' }, lab: { docId: 'lab' }, transfer: { docId: 'tr' } },
    temporaryIpps: ['TMP-AAAAAAAA-0004', 'TMP-AAAAAAAA-0005', 'TMP-AAAAAAAA-0006'],
    hasDirectory: true,
    hasProcedures: false,
    options: DEFAULT_KIT_OPTIONS,
  };
  const label = (s: KitSheet) =>
    s.kind === 'patient-form' ? `${s.patientId}:${s.role}:${s.templateId}:${s.formId ?? '-'}`
      : s.kind === 'blank-form' ? `${s.role}#${s.copy}:${s.temporaryIpp ?? '-'}`
        : s.kind === 'pending' ? `pending:${s.what}` : s.kind;

  it('is the census, each patient in order, blank forms, the directory, and says where missing content will appear', () => {
    expect(planKit(input).map(label)).toEqual([
      'census',
      'p1:handover:saed:f1', 'p1:vitals:vs:-', 'p1:mar:mar:-',
      'p2:handover:ipass:-', 'p2:vitals:vs:-', 'p2:mar:mar:-',
      'admission#1:TMP-AAAAAAAA-0004', 'admission#2:TMP-AAAAAAAA-0005', 'admission#3:TMP-AAAAAAAA-0006',
      'lab#1:-', 'lab#2:-', 'transfer#1:-',
      'directory', 'pending:procedures',
    ]);
  });

  it('leaves out what the options leave out', () => {
    const options = { ...DEFAULT_KIT_OPTIONS, census: false, vitals: false, mar: false, admissions: 1, labRequisitions: 0, transfers: 0, directory: false, procedures: false };
    expect(planKit({ ...input, options }).map(label)).toEqual(['p1:handover:saed:f1', 'p2:handover:ipass:-', 'admission#1:TMP-AAAAAAAA-0004']);
  });

  it('prints the last 72 h of notes after a patient’s own pages, for those who have some, unless left out', () => {
    const patients = [{ ...input.patients[0]!, hasNotes: true }, input.patients[1]!];
    const only = { ...DEFAULT_KIT_OPTIONS, census: false, handover: false, vitals: false, mar: false, admissions: 0, labRequisitions: 0, transfers: 0, directory: false, procedures: false };
    const notesOf = (s: KitSheet) => (s.kind === 'patient-notes' ? `notes:${s.patientId}` : label(s));
    expect(planKit({ ...input, patients, options: only }).map(notesOf)).toEqual(['notes:p1']);
    expect(planKit({ ...input, patients, options: { ...only, handover: true } }).map(notesOf)).toEqual(['p1:handover:saed:f1', 'notes:p1', 'p2:handover:ipass:-']);
    expect(planKit({ ...input, patients, options: { ...only, notes: false } })).toEqual([]);
  });
});

describe('kit options in the address', () => {
  it('round-trips and keeps only what differs from the defaults', () => {
    const o = { ...DEFAULT_KIT_OPTIONS, vitals: false, admissions: 5, vitalsRows: 12 };
    const search = kitOptionsToSearch(o);
    expect(search.toString()).toBe('vitals=0&admissions=5&vitalsRows=12');
    expect(kitOptionsFromSearch(search)).toEqual(o);
    expect(kitOptionsToSearch(DEFAULT_KIT_OPTIONS).toString()).toBe('');
  });
  it('ignores nonsense and caps counts', () => {
    const o = kitOptionsFromSearch(new URLSearchParams('census=yes&admissions=-3&labRequisitions=500&marRows=abc'));
    expect(o).toEqual({ ...DEFAULT_KIT_OPTIONS, labRequisitions: 20 });
  });
});
