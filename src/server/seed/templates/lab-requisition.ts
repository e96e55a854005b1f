// Laboratory requisition on paper's terms: which tests, how urgent, when and by whom the sample
// was taken. Results come back by phone or runner (see the procedures).
import { codes, item, template } from './build';

export const labRequisition = template({
  name: 'lab-requisition',
  fr: 'Bon de demande d’examens biologiques',
  en: 'Laboratory requisition',
  description: 'Demande d’examens de biologie pendant la panne, acheminée par coursier.',
  kind: 'requisition',
  item: [
    {
      ...item('lab-tests', 'choice', 'Examens demandés', 'Tests requested', { repeats: true, required: true }),
      answerOption: codes('lab-tests', [
        ['cbc', 'NFS-plaquettes', 'Full blood count'],
        ['electrolytes', 'Ionogramme sanguin', 'Electrolytes'],
        ['creatinine', 'Créatinine', 'Creatinine'],
        ['crp', 'CRP', 'CRP'],
        ['liver', 'Bilan hépatique', 'Liver function tests'],
        ['troponin', 'Troponine', 'Troponin'],
        ['coagulation', 'TP / TCA', 'Coagulation (PT / aPTT)'],
        ['blood-gas', 'Gaz du sang', 'Blood gas'],
        ['lactate', 'Lactates', 'Lactate'],
        ['blood-culture', 'Hémocultures', 'Blood cultures'],
        ['group', 'Groupe sanguin, RAI', 'Blood group and antibody screen'],
      ]),
    },
    item('lab-other', 'string', 'Autres examens', 'Other tests', { repeats: true, maxLength: 120 }),
    {
      ...item('lab-urgency', 'choice', 'Urgence', 'Urgency', { required: true }),
      answerOption: codes('lab-urgency', [
        ['routine', 'Standard', 'Routine'],
        ['urgent', 'Urgent', 'Urgent'],
        ['vital', 'Urgence vitale', 'Life-threatening'],
      ]),
    },
    item('lab-fasting', 'boolean', 'Patient à jeun', 'Patient fasting'),
    item('lab-sampled-at', 'dateTime', 'Prélevé le', 'Sampled at', { required: true }),
    item('lab-sampler', 'string', 'Préleveur', 'Sampled by', { required: true, maxLength: 80 }),
    item('lab-prescriber', 'string', 'Prescripteur', 'Requested by', { required: true, maxLength: 80 }),
    item('lab-phone', 'string', 'Téléphone pour le résultat', 'Phone for the result', { required: true, maxLength: 30 }),
    item('lab-clinical', 'text', 'Renseignements cliniques', 'Clinical information', { maxLength: 1000 }),
  ],
});
