// The demo hospital's two call trees ("arbres d'appel"): whom to alert, in order, when a
// cyberattack is suspected and when every phone is lost. Steps name contacts by their seed key.
import type { CallTreeBody } from '../../domain/schemas/calltree';

interface SeedCall {
  contact: string;
  fr: string;
  en: string;
}

interface SeedCallTree {
  code: string;
  event: CallTreeBody['event'];
  title: { fr: string; en: string };
  summary: { fr: string; en: string };
  calls: SeedCall[];
}

const DEMO_CALL_TREES: readonly SeedCallTree[] = [
  {
    code: 'AA-01',
    event: 'cyberattack',
    title: { fr: 'Arbre d’appel — cyberattaque', en: 'Call tree — cyberattack' },
    summary: {
      fr: 'À dérouler dès la suspicion (fiche FR-04). Appeler dans l’ordre ; cocher « joint » avec l’heure. Si un contact ne répond pas, passer au suivant et revenir.',
      en: 'Run it as soon as an attack is suspected (procedure FR-04). Call in order; tick “reached”. If someone does not answer, go on and come back.',
    },
    calls: [
      { contact: 'it-on-call', fr: 'Décrire les symptômes ; demander s’il faut isoler d’autres postes.', en: 'Describe the symptoms; ask whether other workstations must be isolated.' },
      { contact: 'duty-manager', fr: 'Signaler la suspicion et les services touchés.', en: 'Report the suspicion and the wards affected.' },
      { contact: 'admin-on-call', fr: 'Demander l’ouverture de la cellule de crise.', en: 'Ask for the crisis cell to be opened.' },
      { contact: 'rssi', fr: 'Confirmer l’incident ; préparer le signalement.', en: 'Confirm the incident; prepare the report.' },
      { contact: 'crisis-room', fr: 'Annoncer l’ouverture ; donner le numéro de repli des services.', en: 'Announce the opening; give the wards’ fallback number.' },
      { contact: 'ars', fr: 'Signaler l’incident de sécurité des SI (direction).', en: 'Report the information-system security incident (management).' },
      { contact: 'cert-sante', fr: 'Déclarer l’incident sur le portail de signalement ; demander l’appui du CERT Santé.', en: 'Declare the incident on the reporting portal; ask CERT Santé for support.' },
      { contact: 'samu', fr: 'Informer la régulation : capacités réduites, éventuel délestage des urgences.', en: 'Tell the dispatch centre: reduced capacity, possible diversion of emergencies.' },
      { contact: 'lab', fr: 'Passage au circuit papier des demandes et résultats.', en: 'Switch requests and results to paper.' },
      { contact: 'pui', fr: 'Passage à la dispensation sur ordonnances papier.', en: 'Switch dispensing to paper orders.' },
      { contact: 'communication', fr: 'Préparer un message interne et une réponse aux médias.', en: 'Prepare an internal message and a press line.' },
      { contact: 'police', fr: 'Dépôt de plainte (direction).', en: 'File a police complaint (management).' },
    ],
  },
  {
    code: 'AA-02',
    event: 'phone-loss',
    title: { fr: 'Arbre d’appel — perte totale de la téléphonie', en: 'Call tree — total loss of phones' },
    summary: {
      fr: 'Plus de standard, plus de lignes fixes, DECT en panne. On passe aux portables d’astreinte, aux radios et aux coursiers (fiche FR-02).',
      en: 'No switchboard, no landlines, DECT down. Use on-call mobiles, radios and runners (procedure FR-02).',
    },
    calls: [
      { contact: 'security', fr: 'Demander les radios pour les services et confirmer les canaux.', en: 'Ask for radios for the wards and confirm the channels.' },
      { contact: 'duty-manager', fr: 'Signaler la panne ; convenir d’un point toutes les 2 heures.', en: 'Report the outage; agree a check-in every 2 hours.' },
      { contact: 'admin-on-call', fr: 'Informer ; décider de l’ouverture de la cellule de crise.', en: 'Inform; decide whether to open the crisis cell.' },
      { contact: 'tech-on-call', fr: 'Vérifier l’alimentation des autocommutateurs.', en: 'Check the power supply of the phone exchange.' },
      { contact: 'it-on-call', fr: 'Vérifier la téléphonie sur IP et le réseau.', en: 'Check IP telephony and the network.' },
      { contact: 'resus-team', fr: 'Confirmer l’appel d’urgence vitale par radio canal 1.', en: 'Confirm the life-threatening emergency call on radio channel 1.' },
      { contact: 'samu', fr: 'Donner un numéro portable de repli pour joindre l’hôpital.', en: 'Give a fallback mobile number for reaching the hospital.' },
      { contact: 'ward-urg', fr: 'Confirmer le moyen de liaison des urgences avec la régulation.', en: 'Confirm how the emergency department reaches dispatch.' },
      { contact: 'theatre', fr: 'Confirmer le canal radio du bloc.', en: 'Confirm the theatre’s radio channel.' },
      { contact: 'ward-mater', fr: 'Confirmer le moyen de liaison de la salle de naissance.', en: 'Confirm how the delivery room can be reached.' },
      { contact: 'porters', fr: 'Organiser les tournées de coursiers entre services.', en: 'Organise runner rounds between wards.' },
    ],
  },
];

/** Both languages of each call tree, with contact keys turned into docIds. */
export function demoCallTrees(contactIds: ReadonlyMap<string, string>): CallTreeBody[] {
  const id = (key: string) => {
    const docId = contactIds.get(key);
    if (!docId) throw new Error(`call tree names unknown contact ${key}`);
    return docId;
  };
  return DEMO_CALL_TREES.flatMap((t) =>
    (['fr', 'en'] as const).map((lang) => ({
      code: t.code,
      title: t.title[lang],
      event: t.event,
      summary: t.summary[lang],
      steps: t.calls.map((c) => ({ contactId: id(c.contact), action: c[lang] })),
      lang,
    })),
  );
}
