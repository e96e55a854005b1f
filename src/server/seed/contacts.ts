// The demo hospital's directory: every number a ward needs when the switchboard is dead.
import { dect, landline, mobile, radio, runner, type SeedContact } from './contacts-phones';
import { SERVICE_CONTACTS } from './contacts-services';

export type { SeedContact };

function ward(key: string, unitCode: string | undefined, name: string, d: string, line: string, where: string, notes = ''): SeedContact {
  return {
    key,
    name,
    role: 'Poste de soins',
    service: 'Services de soins',
    phones: [dect(d, 'DECT infirmier'), dect(String(Number(d) + 1), 'DECT cadre'), landline(line), runner(where)],
    notes,
    onCall: false,
    ...(unitCode ? { unitCode } : {}),
  };
}

const WARDS: SeedContact[] = [
  ward('ward-med', 'MED', 'Médecine interne (MED)', '4210', '05 00 00 12 10', 'Bâtiment B, 2e étage, poste de soins'),
  ward('ward-chir', 'CHIR', 'Chirurgie viscérale (CHIR)', '4310', '05 00 00 13 10', 'Bâtiment B, 3e étage, poste de soins'),
  ward('ward-urg', 'URG', 'Urgences (URG)', '4110', '05 00 00 11 10', 'Rez-de-chaussée, entrée des urgences, accueil IOA',
    'Infirmier organisateur de l’accueil (IOA) : DECT 4112.'),
  ward('ward-onco', 'ONCO', 'Hôpital de jour d’oncologie (ONCO)', '4410', '05 00 00 14 10', 'Bâtiment C, 1er étage, accueil',
    'Ouvert de 8 h à 18 h en semaine.'),
  ward('ward-rea', undefined, 'Réanimation polyvalente', '4510', '05 00 00 15 10', 'Bâtiment A, 1er étage'),
  ward('ward-cardio', undefined, 'Cardiologie et USIC', '4610', '05 00 00 16 10', 'Bâtiment B, 4e étage'),
  ward('ward-pedia', undefined, 'Pédiatrie', '4710', '05 00 00 17 10', 'Bâtiment D, rez-de-chaussée'),
  ward('ward-mater', undefined, 'Maternité et salle de naissance', '4810', '05 00 00 18 10', 'Bâtiment D, 1er étage'),
  ward('ward-geria', undefined, 'Gériatrie et soins de suite (SSR)', '4910', '05 00 00 19 10', 'Bâtiment E, 2e étage'),
];

function onCall(key: string, name: string, role: string, service: string, d: string, m: string, notes = ''): SeedContact {
  return { key, name, role, service, phones: [dect(d), mobile(m, 'Portable d’astreinte')], notes, onCall: true };
}

const ON_CALL: SeedContact[] = [
  onCall('oncall-med', 'Médecin de garde de médecine', 'Médecin senior de garde', 'Gardes et astreintes médicales', '4020', '06 00 00 10 20',
    'Couvre MED, cardiologie et gériatrie la nuit et le week-end.'),
  onCall('oncall-surg', 'Chirurgien d’astreinte viscérale', 'Chirurgien d’astreinte', 'Gardes et astreintes médicales', '4021', '06 00 00 10 21'),
  onCall('oncall-anesth', 'Anesthésiste-réanimateur de garde', 'Médecin de garde', 'Gardes et astreintes médicales', '4022', '06 00 00 10 22',
    'Urgence vitale dans les étages : DECT 4000 (équipe de réanimation).'),
  onCall('oncall-er', 'Urgentiste senior de garde', 'Médecin de garde', 'Gardes et astreintes médicales', '4023', '06 00 00 10 23'),
  onCall('oncall-pedia', 'Pédiatre de garde', 'Médecin de garde', 'Gardes et astreintes médicales', '4024', '06 00 00 10 24'),
  onCall('oncall-cardio', 'Cardiologue d’astreinte', 'Médecin d’astreinte', 'Gardes et astreintes médicales', '4025', '06 00 00 10 25'),
  onCall('oncall-onco', 'Oncologue d’astreinte', 'Médecin d’astreinte', 'Gardes et astreintes médicales', '4026', '06 00 00 10 26',
    'Décide des priorités de cure en mode dégradé (fiche FR-12).'),
  {
    key: 'resus-team',
    name: 'Équipe de réanimation (urgence vitale)',
    role: 'Appel d’urgence vitale intra-hospitalière',
    service: 'Gardes et astreintes médicales',
    phones: [dect('4000', 'DECT urgence vitale'), radio('Canal 1', 'Radio urgence')],
    notes: 'Si rien ne passe : envoyer un coursier en courant en réanimation (bâtiment A, 1er étage).',
    onCall: true,
    emergency: true,
  },
  onCall('duty-manager', 'Cadre de santé de garde', 'Cadre de santé de garde', 'Encadrement et direction', '4030', '06 00 00 10 30',
    'Tient le tableau papier des lits et fait le lien entre les services et l’administrateur de garde.'),
  onCall('admin-on-call', 'Administrateur de garde', 'Directeur de garde', 'Encadrement et direction', '4031', '06 00 00 10 31',
    'Décide de l’ouverture de la cellule de crise et du déclenchement du plan blanc.'),
  onCall('pharmacist', 'Pharmacien d’astreinte', 'Pharmacien d’astreinte', 'Pharmacie', '4040', '06 00 00 10 40',
    'Hors heures ouvrables : dispensation urgente, stupéfiants, conseils sur les interactions et allergies.'),
  onCall('biologist', 'Biologiste d’astreinte', 'Biologiste d’astreinte', 'Laboratoire', '4050', '06 00 00 10 50',
    'Téléphone les résultats critiques aux services.'),
  onCall('radiologist', 'Radiologue de garde', 'Médecin de garde', 'Imagerie', '4060', '06 00 00 10 60'),
  onCall('it-on-call', 'Informaticien d’astreinte', 'Technicien d’astreinte', 'Informatique (DSI)', '4090', '06 00 00 10 90',
    'Premier appel pour toute panne informatique ou suspicion de cyberattaque.'),
  onCall('tech-on-call', 'Services techniques d’astreinte', 'Électricien d’astreinte', 'Services techniques', '4070', '06 00 00 10 70',
    'Électricité, groupe électrogène, fluides médicaux, ascenseurs.'),
];

/** The demo directory: wards, on-call roles, then services and outside bodies. */
export const DEMO_CONTACTS: readonly SeedContact[] = [...WARDS, ...ON_CALL, ...SERVICE_CONTACTS];
