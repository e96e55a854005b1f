// French strings of flowsheet rounds (vitals, glucose, drugs given), plausibility warnings and the
// conflicts list. Spread into screens.fr.ts with one line; flowsheet.en.ts is typed on this object.
export const flowsheetFr = {
  flowsheet: {
    addRound: 'Ajouter un relevé ({{title}})',
    addTitle: 'Nouveau relevé — {{title}}',
    correctTitle: 'Corriger le relevé — {{title}}',
    save: 'Enregistrer le relevé',
    saved: 'Relevé enregistré sur cette tablette.',
    corrected: 'Relevé corrigé sur cette tablette.',
    struckSaved: 'Relevé marqué «\u00a0saisi par erreur\u00a0».',
    correct: 'Corriger',
    strike: 'Saisi par erreur…',
    by: 'Saisi par',
    actions: 'Actions',
    inForm: 'dans le formulaire',
    struck: 'Saisi par erreur\u00a0: {{reason}} ({{name}})',
    rowConflict: 'Deux corrections en même temps',
    compare: 'Comparer',
    compareHelp: 'Deux tablettes ont corrigé ce relevé en même temps. Gardez la bonne version\u00a0; l’autre reste dans l’historique.',
    keep: 'Garder cette version',
    version: 'Version {{n}}',
    empty: 'Aucun relevé pour l’instant.',
    alarm: {
      alarmLow: 'alerte < {{bound}}',
      alarmHigh: 'alerte > {{bound}}',
    },
    alarmNotice: 'Valeur d’alerte ({{rule}})\u00a0: elle sera enregistrée, vérifiez-la et prévenez si besoin.',
  },
};
