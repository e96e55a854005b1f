// The demo hospital's past drill: a closed downtime episode on MED, three days ago, with what a
// ward writes in four hours of paper mode: nursing notes (one amended, one entered in error),
// vital signs, an I-PASS handover, a temporary admission, and a vitals sheet transcribed from
// paper afterwards. It gives the recovery team's worklist and FHIR export something to show.
import { newId, type UnsignedEntry } from '../../domain/entry';
import { ADMISSION_LINK_IDS, buildResponse, canonicalOf, type FormValues, type Questionnaire } from '../../domain/questionnaire';
import { qrPayloadText } from '../../domain/print/qr-payload';
import { transcriptionExtensionOf } from '../../domain/recovery/transcription';
import type { PatientBody } from '../../domain/schemas';
import { unitScope } from '../../domain/scope';
import type { DemoAccount } from './demo-hospital';

const MED = unitScope('MED');
const HOUR = 3_600_000;

interface DrillAuthor extends DemoAccount {
  id: string;
}

export interface DrillBatch {
  author: DrillAuthor;
  deviceId: string;
  entries: UnsignedEntry[];
}

interface DrillScene {
  now: Date;
  accounts: (username: string) => DrillAuthor;
  templates: (name: string) => Questionnaire;
  /** The first two MED patients of the census, by docId. */
  patients: { docId: string; body: PatientBody }[];
}

const row = (answers: Record<string, string[]>, groups: FormValues['groups'] = {}): FormValues => ({ answers, groups });
/** The local wall-clock "YYYY-MM-DDTHH:mm" a nurse types, for a moment. */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function drillBatches(s: DrillScene): DrillBatch[] {
  const start = new Date(s.now.getTime() - 72 * HOUR);
  const at = (h: number) => new Date(start.getTime() + h * HOUR);
  const [a, b] = s.patients as [DrillScene['patients'][0], DrillScene['patients'][0]];
  const drillId = newId();
  const batches: DrillBatch[] = [];
  const write = (username: string, deviceId: string) => {
    const author = s.accounts(username);
    const batch: DrillBatch = { author, deviceId, entries: [] };
    batches.push(batch);
    let seq = 0;
    return (e: Omit<UnsignedEntry, 'id' | 'author' | 'deviceId' | 'deviceSeq' | 'docId' | 'parents' | 'kind'> & Partial<UnsignedEntry>): UnsignedEntry => {
      const id = newId();
      const full: UnsignedEntry = {
        id, docId: e.docId ?? id, kind: e.kind ?? 'create', parents: e.parents ?? [],
        author: { userId: author.id, name: author.name, role: author.role }, deviceId, deviceSeq: ++seq, ...e,
      } as UnsignedEntry;
      batch.entries.push(full);
      return full;
    };
  };
  const form = (name: string, patientId: string, values: FormValues, when: Date, by: string) =>
    buildResponse(s.templates(name), values, { patientId, authored: when.toISOString(), authorName: by });

  // The charge nurse declares the drill.
  const charge = write('demo-charge', 'demo-pc-cadre-med');
  const drillBody = { area: 'unit', unitCode: 'MED', startedAt: start.toISOString(), reason: 'drill', down: ['records', 'network'], drill: true, note: 'Exercice trimestriel de mode dégradé.' };
  const drill = charge({ docId: drillId, docType: 'downtime', scope: MED, body: drillBody, createdAt: start.toISOString() });

  // Camille's tablet: notes, vitals, a temporary admission.
  const camille = write('demo-nurse', 'demo-tablet-med-1');
  const dt = { downtimeId: drillId, scope: MED };
  // Seen at the start of the round, typed twenty minutes later: a late entry, as in any outage.
  const note = { target: 'Douleur', data: 'EN 6/10 au flanc droit.', actions: 'Paracétamol 1 g per os à 9 h.', results: '', observedAt: at(0.17).toISOString() };
  const n1 = camille({ ...dt, docType: 'note', patientId: a.docId, body: note, createdAt: at(0.5).toISOString() });
  camille({ ...dt, docId: n1.docId, kind: 'amend', parents: [n1.id], docType: 'note', patientId: a.docId, body: { ...note, results: 'EN 2/10 à 10 h.' }, createdAt: at(1.5).toISOString() });
  const vitals = (t: Date, sys: string, pain: string) => row({ 'vs-time': [local(t)], 'vs-systolic': [sys], 'vs-diastolic': ['78'], 'vs-heart-rate': ['88'], 'vs-resp-rate': ['18'], 'vs-spo2': ['96'], 'vs-temperature': ['37,8'], 'vs-pain': [pain], 'vs-initials': ['CM'] });
  camille({ ...dt, docType: 'form', patientId: a.docId, body: form('vital-signs', a.docId, { answers: {}, groups: { vitals: [vitals(at(0.4), '132', '6'), vitals(at(2), '124', '2')] } }, at(2.1), 'Camille Martin'), createdAt: at(2.1).toISOString() });
  const tmpIpp = 'TMP-7K2M9QX4-0001';
  const tmpBody: PatientBody = { ipp: tmpIpp, lastName: 'Inconnu', firstName: 'Homme', birthDate: '1951-06-01', sex: 'M', unitCode: 'MED', room: '124', allergies: [], admittedAt: at(1).toISOString() };
  const tmp = camille({ ...dt, docType: 'patient', body: tmpBody, createdAt: at(1).toISOString() });
  const admission = row({ [ADMISSION_LINK_IDS.ipp]: [tmpIpp] }, {
    identity: [row({ [ADMISSION_LINK_IDS.lastName]: ['Inconnu'], [ADMISSION_LINK_IDS.firstName]: ['Homme'], [ADMISSION_LINK_IDS.birthDate]: ['1951-06-01'], [ADMISSION_LINK_IDS.sex]: ['M'], 'identity-check': ['unknown'] })],
    location: [row({ [ADMISSION_LINK_IDS.room]: ['124'] })],
    arrival: [row({ 'arrival-at': [local(at(1))], 'arrival-mode': ['er'], 'arrival-reason': ['Confusion, trouvé sur la voie publique.'] })],
  });
  camille({ ...dt, docType: 'form', patientId: tmp.docId, body: form('downtime-admission', tmp.docId, admission, at(1), 'Camille Martin'), createdAt: at(1.05).toISOString() });
  camille({ ...dt, docType: 'note', patientId: tmp.docId, body: { target: 'Accueil', data: 'Patient confus, pas de papiers.', actions: 'Surveillance neurologique horaire.', results: '' }, createdAt: at(1.2).toISOString() });

  // Julien's tablet: a note entered in error, the I-PASS handover.
  const julien = write('demo-nurse2', 'demo-tablet-med-2');
  const wrong = julien({ ...dt, docType: 'note', patientId: b.docId, body: { target: 'Chute', data: 'Chute en se levant.', actions: '', results: '' }, createdAt: at(2.5).toISOString() });
  julien({ ...dt, docId: wrong.docId, kind: 'retract', parents: [wrong.id], docType: 'note', patientId: b.docId, body: { reason: 'Erreur de patient : la chute concerne la chambre voisine.' }, createdAt: at(2.6).toISOString() });
  const ipass = row({ severity: ['watcher'] }, {
    summary: [row({ 'summary-text': ['Pyélonéphrite droite, J2 d’antibiotiques, douleur contrôlée.'], 'summary-diagnosis': ['Pyélonéphrite'] })],
    actions: [row({ 'action-text': ['Contrôler la température à 22 h'], 'action-owner': ['IDE de nuit'] })],
  });
  julien({ ...dt, docType: 'form', patientId: a.docId, body: form('handover-ipass', a.docId, ipass, at(3.5), 'Julien Lefèvre'), createdAt: at(3.5).toISOString() });

  // The charge nurse ends the drill, then transcribes a vitals sheet written on paper during it.
  charge({ docId: drillId, kind: 'amend', parents: [drill.id], docType: 'downtime', scope: MED, body: { ...drillBody, endedAt: at(4).toISOString(), endedBy: { userId: s.accounts('demo-charge').id, name: 'Nathalie Rousseau', role: 'charge' } }, createdAt: at(4).toISOString() });
  const sheet = qrPayloadText({ t: canonicalOf(s.templates('vital-signs')), p: b.docId, d: null, u: 'MED' });
  const paper = form('vital-signs', b.docId, { answers: {}, groups: { vitals: [vitals(at(1), '141', '3')] } }, at(1), 'JL');
  charge({ ...dt, docType: 'form', patientId: b.docId, body: { ...paper, extension: [transcriptionExtensionOf({ paperAuthor: 'JL (Julien Lefèvre)', paperTime: at(1).toISOString(), sheet })] }, createdAt: at(3.8).toISOString() });
  return batches;
}
