// The demo hospital: its wards and its accounts. DEMO ONLY: an install with real patients
// starts with RELEVE_SEED=none and creates its own accounts (see main.ts add-user).
import type { Role } from '../../domain/roles';

export const DEMO_HOSPITAL_NAME = 'Centre hospitalier de démonstration';

export interface DemoUnit {
  code: string;
  name: string;
  /** Its name on English screens. */
  nameEn: string;
  patients: number;
  /** Room label of the n-th room (0-based), and whether rooms have beds A/B. */
  room: (n: number) => string;
  beds: boolean;
  /** How long ago patients came in, in hours: a week on a ward, hours in the ER. */
  stayHours: [number, number];
  /** The ward's frequent cibles (quick picks of the note form); none: the defaults. */
  noteTargets?: readonly string[];
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'MED', name: 'Médecine interne', nameEn: 'Internal medicine', patients: 24, room: (n) => String(101 + n), beds: true, stayHours: [2, 400],
    noteTargets: ['Douleur', 'Chute', 'Élimination', 'Alimentation', 'Sommeil', 'Anxiété', 'Plaie', 'Glycémie', 'Confusion'] },
  { code: 'CHIR', name: 'Chirurgie viscérale', nameEn: 'Visceral surgery', patients: 18, room: (n) => String(201 + n), beds: true, stayHours: [2, 240] },
  { code: 'URG', name: 'Urgences', nameEn: 'Emergency department', patients: 14, room: (n) => `Box ${n + 1}`, beds: false, stayHours: [0, 14],
    noteTargets: ['Douleur', 'Surveillance neurologique', 'Agitation', 'Chute', 'Plaie', 'Attente d’avis'] },
  { code: 'ONCO', name: "Hôpital de jour d'oncologie", nameEn: 'Oncology day hospital', patients: 16, room: (n) => `Fauteuil ${n + 1}`, beds: false, stayHours: [0, 6] },
];

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  units: readonly string[];
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo-nurse', name: 'Camille Martin', role: 'nurse', units: ['MED'] },
  { username: 'demo-nurse2', name: 'Julien Lefèvre', role: 'nurse', units: ['MED'] },
  { username: 'demo-surg', name: 'Sophie Garnier', role: 'nurse', units: ['CHIR'] },
  { username: 'demo-charge', name: 'Nathalie Rousseau', role: 'charge', units: ['MED'] },
  { username: 'demo-admin', name: 'Marc Dubois', role: 'admin', units: ['MED', 'CHIR', 'URG', 'ONCO'] },
  // The back-entry team works every ward's worklist once the outage is over.
  { username: 'demo-recovery', name: 'Claire Bonnet', role: 'recovery', units: ['MED', 'CHIR', 'URG', 'ONCO'] },
  // The hospital information system's feed (HL7v2 MLLP, FHIR): writes patients, prescriptions, results.
  { username: 'demo-his', name: 'Interface SIH', role: 'interface', units: ['MED', 'CHIR', 'URG', 'ONCO'] },
];

/** The account the seed writes as: reference content is authored by the crisis cell. */
export const DEMO_SEED_AUTHOR = 'demo-admin';
export const SEED_DEVICE_ID = 'server-seed';
