// I-PASS: Illness severity, Patient summary, Action list, Situation awareness and contingency
// planning, Synthesis by receiver. The synthesis is the receiving nurse's addendum, written by
// another person than the author: it is not an item of this form.
import { actionsGroup, display, group, item, severityItem, template } from './build';

export const handoverIpass = template({
  name: 'handover-ipass',
  fr: 'Transmission I-PASS',
  en: 'I-PASS handover',
  description: 'Relève de poste I-PASS : gravité, résumé, actions, vigilance et conduite à tenir, synthèse par l’IDE qui reçoit.',
  kind: 'handover',
  item: [
    severityItem(),
    group('summary', 'Résumé du patient', 'Patient summary', [
      item('summary-text', 'text', 'Résumé : motif, évolution, état actuel', 'Summary: reason, course, current state', { required: true, maxLength: 3000 }),
      item('summary-diagnosis', 'string', 'Diagnostic principal', 'Main diagnosis', { maxLength: 200 }),
    ]),
    actionsGroup('Liste des actions', 'Action list'),
    group('awareness', 'Vigilance et conduite à tenir', 'Situation awareness and contingency', [
      item('awareness-text', 'text', 'Ce qui peut arriver cette nuit', 'What may happen on this shift', { maxLength: 2000 }),
      group('contingency', 'Si… alors…', 'If… then…', [
        item('contingency-if', 'string', 'Si', 'If', { required: true, maxLength: 300 }),
        item('contingency-then', 'string', 'Alors', 'Then', { required: true, maxLength: 300 }),
      ], { repeats: true }),
    ]),
    display('synthesis-note', 'Synthèse par l’IDE qui reçoit : elle la saisit elle-même pour confirmer la relève.', 'Synthesis by receiver: the receiving nurse writes it herself to confirm the handover.'),
  ],
});
