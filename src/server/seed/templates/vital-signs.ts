// The vital-signs flowsheet: one row per round, as on the paper chart it replaces.
import { codes, group, item, limits, template } from './build';

const pain = Array.from({ length: 11 }, (_, n) => ({ valueInteger: n }));


export const vitalSigns = template({
  name: 'vital-signs',
  fr: 'Surveillance des constantes',
  en: 'Vital-signs flowsheet',
  description: 'Pancarte de surveillance : une ligne par tour, en mode dégradé.',
  kind: 'flowsheet',
  item: [
    group('vitals', 'Relevés', 'Readings', [
      item('vs-time', 'dateTime', 'Heure', 'Time', { required: true }),
      item('vs-systolic', 'integer', 'PA systolique (mmHg)', 'Systolic BP (mmHg)', limits('integer', 40, 300, 90, 180)),
      item('vs-diastolic', 'integer', 'PA diastolique (mmHg)', 'Diastolic BP (mmHg)', limits('integer', 20, 200, 40, 110)),
      item('vs-heart-rate', 'integer', 'Fréquence cardiaque (/min)', 'Heart rate (/min)', limits('integer', 20, 250, 40, 130)),
      item('vs-resp-rate', 'integer', 'Fréquence respiratoire (/min)', 'Respiratory rate (/min)', limits('integer', 4, 70, 8, 25)),
      item('vs-spo2', 'integer', 'SpO₂ (%)', 'SpO₂ (%)', limits('integer', 50, 100, 92, 100)),
      item('vs-temperature', 'decimal', 'Température (°C)', 'Temperature (°C)', limits('decimal', 30, 43, 35, 38.5)),
      {
        ...item('vs-consciousness', 'choice', 'Conscience (AVPU)', 'Consciousness (AVPU)'),
        answerOption: codes('avpu', [
          ['A', 'A — Éveillé', 'A — Alert'],
          ['V', 'V — Répond à la voix', 'V — Responds to voice'],
          ['P', 'P — Répond à la douleur', 'P — Responds to pain'],
          ['U', 'U — Ne répond pas', 'U — Unresponsive'],
        ]),
      },
      { ...item('vs-pain', 'choice', 'Douleur (EN 0–10)', 'Pain (NRS 0–10)'), answerOption: pain },
      item('vs-initials', 'string', 'Initiales', 'Initials', { required: true, maxLength: 5 }),
    ], { repeats: true, required: true }),
  ],
});
