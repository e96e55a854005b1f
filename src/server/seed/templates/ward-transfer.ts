// Transfer between wards: from where to where, why, and what travels with the patient, so the
// receiving ward knows what it should have in hand.
import { codes, item, template } from './build';

export const wardTransfer = template({
  name: 'ward-transfer',
  fr: 'Fiche de transfert entre services',
  en: 'Ward transfer sheet',
  description: 'Transfert d’un patient d’un service à un autre pendant la panne.',
  kind: 'transfer',
  item: [
    item('transfer-from', 'string', 'Service de départ', 'From ward', { required: true, maxLength: 80 }),
    item('transfer-to', 'string', 'Service d’accueil', 'To ward', { required: true, maxLength: 80 }),
    item('transfer-at', 'dateTime', 'Date et heure du transfert', 'Transfer date and time', { required: true }),
    item('transfer-reason', 'text', 'Motif du transfert', 'Reason for transfer', { required: true, maxLength: 1000 }),
    {
      ...item('transfer-with', 'choice', 'Ce qui accompagne le patient', 'What travels with the patient', { repeats: true, required: true }),
      answerOption: codes('transfer-items', [
        ['paper-record', 'Dossier papier du mode dégradé', 'Downtime paper record'],
        ['handover', 'Dernière transmission imprimée', 'Latest printed handover'],
        ['mar', 'Plan d’administration', 'Medication record'],
        ['drugs', 'Traitements personnels', 'Own medication'],
        ['labs', 'Résultats biologiques', 'Laboratory results'],
        ['imaging', 'Imagerie', 'Imaging'],
        ['belongings', 'Effets personnels', 'Personal belongings'],
      ]),
    },
    {
      ...item('transfer-transport', 'choice', 'Mode de transport', 'Transport', { required: true }),
      answerOption: codes('transport', [
        ['bed', 'Lit', 'Bed'],
        ['chair', 'Fauteuil', 'Wheelchair'],
        ['walking', 'À pied', 'Walking'],
        ['ambulance', 'Ambulance', 'Ambulance'],
      ]),
    },
    item('transfer-escort', 'string', 'Accompagné par', 'Escorted by', { maxLength: 100 }),
    item('transfer-called', 'boolean', 'Service d’accueil prévenu par téléphone', 'Receiving ward called', { required: true }),
    item('transfer-contact', 'string', 'Qui a été prévenu', 'Who was told', {
      required: true, maxLength: 100, enableWhen: [{ question: 'transfer-called', operator: '=', answerBoolean: true }],
    }),
  ],
});
