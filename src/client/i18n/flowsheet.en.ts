// English strings of flowsheet rounds; typed on the French ones, so a missing key fails to compile.
import type { flowsheetFr } from './flowsheet.fr';

export const flowsheetEn: typeof flowsheetFr = {
  flowsheet: {
    addRound: 'Add a round ({{title}})',
    addTitle: 'New round — {{title}}',
    correctTitle: 'Correct the round — {{title}}',
    save: 'Save the round',
    saved: 'Round saved on this tablet.',
    corrected: 'Round corrected on this tablet.',
    struckSaved: 'Round marked “entered in error”.',
    correct: 'Correct',
    strike: 'Entered in error…',
    by: 'Entered by',
    actions: 'Actions',
    inForm: 'in the form',
    struck: 'Entered in error: {{reason}} ({{name}})',
    rowConflict: 'Two corrections at once',
    compare: 'Compare',
    compareHelp: 'Two tablets corrected this round at the same time. Keep the right version; the other stays in the history.',
    keep: 'Keep this version',
    version: 'Version {{n}}',
    empty: 'No rounds yet.',
    alarm: {
      alarmLow: 'alert < {{bound}}',
      alarmHigh: 'alert > {{bound}}',
    },
    alarmNotice: 'Alert value ({{rule}}): it will be saved; check it and call if needed.',
  },
};
