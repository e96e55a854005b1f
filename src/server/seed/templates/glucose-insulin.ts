// Capillary glucose and insulin sheet: each check, the insulin given, and the sugar given back
// when the reading is low (below 0.70 g/L the row asks for it).
import { group, item, limits, template } from './build';

export const glucoseInsulin = template({
  name: 'glucose-insulin',
  fr: 'Glycémies capillaires et insuline',
  en: 'Capillary glucose and insulin',
  description: 'Surveillance glycémique et traçabilité de l’insuline pendant la panne.',
  kind: 'flowsheet',
  item: [
    item('gl-protocol', 'text', 'Protocole prescrit (schéma d’insuline)', 'Prescribed protocol (insulin scale)', { maxLength: 1000 }),
    group('glucose', 'Contrôles', 'Checks', [
      item('gl-time', 'dateTime', 'Heure', 'Time', { required: true }),
      item('gl-value', 'decimal', 'Glycémie capillaire (g/L)', 'Capillary glucose (g/L)', { required: true, ...limits('decimal', 0.2, 6, 0.7, 2.5) }),
      item('gl-ketones', 'decimal', 'Cétonémie (mmol/L)', 'Ketones (mmol/L)'),
      item('gl-sugar', 'string', 'Resucrage donné', 'Sugar given', {
        required: true, maxLength: 80, enableWhen: [{ question: 'gl-value', operator: '<', answerDecimal: 0.7 }],
      }),
      item('gl-insulin', 'boolean', 'Insuline administrée', 'Insulin given'),
      item('gl-insulin-name', 'string', 'Insuline', 'Insulin', {
        required: true, maxLength: 60, enableWhen: [{ question: 'gl-insulin', operator: '=', answerBoolean: true }],
      }),
      item('gl-insulin-dose', 'decimal', 'Dose (UI)', 'Dose (units)', {
        required: true, enableWhen: [{ question: 'gl-insulin', operator: '=', answerBoolean: true }],
      }),
      item('gl-initials', 'string', 'Initiales', 'Initials', { required: true, maxLength: 5 }),
    ], { repeats: true, required: true }),
  ],
});
