// Admission during the outage: who the patient is (checked how), where they are, why they came.
// The temporary IPP is given by the tablet (domain/questionnaire/admission.ts) and read-only here.
import { ADMISSION_LINK_IDS as L } from '../../../domain/questionnaire';
import { codes, display, group, item, template } from './build';

export const downtimeAdmission = template({
  name: 'downtime-admission',
  fr: 'Admission en mode dégradé',
  en: 'Downtime admission',
  description: 'Enregistrement d’un patient arrivé pendant la panne, avec un IPP provisoire propre à la tablette.',
  kind: 'admission',
  item: [
    item(L.ipp, 'string', 'IPP provisoire', 'Temporary patient number', { readOnly: true, maxLength: 40 }),
    display('ipp-note', 'Attribué par cette tablette, sans serveur. À rapprocher de l’IPP définitif au retour du système.', 'Given by this tablet, with no server. To be matched with the permanent number when the system is back.'),
    group('identity', 'Identité', 'Identity', [
      item(L.lastName, 'string', 'Nom de naissance', 'Last name', { required: true, maxLength: 100 }),
      item(L.firstName, 'string', 'Prénom', 'First name', { required: true, maxLength: 100 }),
      item(L.birthDate, 'date', 'Date de naissance', 'Date of birth', { required: true }),
      {
        ...item(L.sex, 'choice', 'Sexe', 'Sex', { required: true }),
        answerOption: codes('sex', [['F', 'Femme', 'Female'], ['M', 'Homme', 'Male'], ['X', 'Indéterminé', 'Undetermined']]),
      },
      {
        ...item('identity-check', 'choice', 'Identité vérifiée sur', 'Identity checked with', { required: true }),
        answerOption: codes('identity-source', [
          ['document', 'Pièce d’identité', 'Identity document'],
          ['declared', 'Déclaration du patient', 'Patient’s statement'],
          ['relative', 'Déclaration d’un proche', 'A relative’s statement'],
          ['unknown', 'Identité inconnue', 'Identity unknown'],
        ]),
      },
    ]),
    group('location', 'Installation', 'Location', [
      item(L.room, 'string', 'Chambre', 'Room', { required: true, maxLength: 20 }),
      item(L.bed, 'string', 'Lit', 'Bed', { maxLength: 10 }),
    ]),
    group('arrival', 'Arrivée', 'Arrival', [
      item('arrival-at', 'dateTime', 'Arrivé le', 'Arrived at', { required: true }),
      {
        ...item('arrival-mode', 'choice', 'Provenance', 'Coming from', { required: true }),
        answerOption: codes('arrival-mode', [
          ['er', 'Urgences', 'Emergency department'],
          ['ems', 'SAMU / SMUR', 'Ambulance service'],
          ['transfer', 'Transfert d’un autre service', 'Transfer from another ward'],
          ['planned', 'Entrée programmée', 'Planned admission'],
        ]),
      },
      item('arrival-reason', 'text', 'Motif d’admission', 'Reason for admission', { required: true, maxLength: 1000 }),
      item('arrival-doctor', 'string', 'Médecin responsable', 'Doctor in charge', { maxLength: 100 }),
    ]),
    item(L.allergies, 'string', 'Allergies connues (une par ligne)', 'Known allergies (one per line)', { repeats: true, maxLength: 200 }),
    group('contact', 'Personne à prévenir', 'Next of kin', [
      item('contact-name', 'string', 'Nom', 'Name', { maxLength: 100 }),
      item('contact-phone', 'string', 'Téléphone', 'Phone', { maxLength: 30 }),
    ]),
  ],
});
