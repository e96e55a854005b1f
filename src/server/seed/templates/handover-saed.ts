// SAED (Situation, Antécédents, Évaluation, Demande): the French HAS version of SBAR, for
// handing a patient over at the change of shift.
import { actionsGroup, codes, display, group, item, severityItem, template } from './build';

export const handoverSaed = template({
  name: 'handover-saed',
  fr: 'Transmission SAED',
  en: 'SAED handover (SBAR)',
  description: 'Relève de poste structurée selon la méthode SAED de la HAS : Situation, Antécédents, Évaluation, Demande.',
  kind: 'handover',
  item: [
    group('situation', 'S — Situation', 'S — Situation', [
      item('situation-reason', 'text', 'Motif d’hospitalisation et situation actuelle', 'Reason for admission and current situation', { required: true, maxLength: 2000 }),
      item('situation-event', 'text', 'Évènement ou problème du jour', 'Event or problem today', { maxLength: 2000 }),
    ]),
    group('background', 'A — Antécédents', 'B — Background', [
      item('background-history', 'text', 'Antécédents utiles', 'Relevant history', { maxLength: 2000 }),
      item('background-treatments', 'text', 'Traitements en cours à retenir', 'Current treatments to know', { maxLength: 2000 }),
      {
        ...item('background-lata', 'choice', 'Limitation des thérapeutiques (LATA)', 'Limitation of treatment'),
        answerOption: codes('lata', [
          ['none', 'Aucune', 'None'],
          ['yes', 'Oui, décidée', 'Yes, decided'],
          ['unknown', 'Non connue', 'Not known'],
        ]),
      },
      item('background-lata-detail', 'string', 'Détail de la limitation', 'Limitation details', {
        required: true, maxLength: 300, enableWhen: [{ question: 'background-lata', operator: '=', answerCoding: { system: 'https://releve.example/fhir/CodeSystem/lata', code: 'yes' } }],
      }),
    ]),
    group('assessment', 'E — Évaluation', 'A — Assessment', [
      severityItem(),
      item('assessment-clinical', 'text', 'Évaluation clinique (constantes, douleur, conscience)', 'Clinical assessment (vital signs, pain, consciousness)', { required: true, maxLength: 2000 }),
      {
        ...item('assessment-risks', 'choice', 'Risques identifiés', 'Identified risks', { repeats: true }),
        answerOption: codes('nursing-risk', [
          ['fall', 'Chute', 'Fall'],
          ['pressure', 'Escarre', 'Pressure ulcer'],
          ['runaway', 'Fugue', 'Absconding'],
          ['suicide', 'Risque suicidaire', 'Suicide risk'],
          ['bleeding', 'Hémorragie', 'Bleeding'],
          ['aspiration', 'Fausse route', 'Aspiration'],
        ]),
      },
    ]),
    group('request', 'D — Demande', 'R — Recommendation', [
      item('request-text', 'text', 'Ce qui est demandé à l’équipe suivante', 'What the next team is asked to do', { required: true, maxLength: 2000 }),
      actionsGroup('Actions à faire', 'Actions to do'),
    ]),
    display('receiver-note', 'L’IDE qui reçoit confirme par sa propre synthèse, ajoutée en complément.', 'The receiving nurse confirms with her own synthesis, added as an addendum.'),
  ],
});
