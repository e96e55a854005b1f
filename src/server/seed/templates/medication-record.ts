// The downtime medication administration record: the prescriptions copied from the last known
// record or the doctor's paper order, then every administration (or why it was not given).
import { codes, group, item, template } from './build';

const routes = ['PO', 'IV', 'SC', 'IM', 'Inhalée', 'Transdermique', 'Rectale'].map((r) => ({ valueString: r }));

export const medicationRecord = template({
  name: 'medication-record',
  fr: 'Plan d’administration des médicaments (mode dégradé)',
  en: 'Downtime medication administration record',
  description: 'Prescriptions en cours et traçabilité des administrations pendant la panne.',
  kind: 'medication',
  item: [
    group('prescriptions', 'Prescriptions', 'Prescriptions', [
      item('rx-drug', 'string', 'Médicament', 'Drug', { required: true, maxLength: 120 }),
      item('rx-dose', 'string', 'Dose', 'Dose', { required: true, maxLength: 60 }),
      { ...item('rx-route', 'open-choice', 'Voie', 'Route', { required: true, maxLength: 40 }), answerOption: routes },
      item('rx-frequency', 'string', 'Fréquence / horaires', 'Frequency / times', { required: true, maxLength: 80 }),
      item('rx-prescriber', 'string', 'Prescripteur', 'Prescriber', { required: true, maxLength: 80 }),
    ], { repeats: true }),
    group('administrations', 'Administrations', 'Administrations', [
      item('adm-time', 'dateTime', 'Heure', 'Time', { required: true }),
      item('adm-drug', 'string', 'Médicament', 'Drug', { required: true, maxLength: 120 }),
      item('adm-given', 'boolean', 'Administré', 'Given', { required: true }),
      item('adm-dose', 'string', 'Dose administrée', 'Dose given', {
        required: true, maxLength: 60, enableWhen: [{ question: 'adm-given', operator: '=', answerBoolean: true }],
      }),
      {
        ...item('adm-not-given', 'choice', 'Motif de non-administration', 'Reason not given', {
          required: true, enableWhen: [{ question: 'adm-given', operator: '=', answerBoolean: false }],
        }),
        answerOption: codes('not-given-reason', [
          ['refused', 'Refus du patient', 'Patient refused'],
          ['fasting', 'Patient à jeun', 'Nil by mouth'],
          ['absent', 'Patient absent du service', 'Patient off the ward'],
          ['unavailable', 'Produit indisponible', 'Drug unavailable'],
          ['held', 'Suspendu sur avis médical', 'Held on medical advice'],
        ]),
      },
      item('adm-initials', 'string', 'Initiales', 'Initials', { required: true, maxLength: 5 }),
    ], { repeats: true }),
  ],
});

