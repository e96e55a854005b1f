// The hospital information system's feed on the tablet (issue 13): prescriptions, results and
// how fresh the HIS's data is. Spread into the French catalog (fr.ts) with one line.
export const hisFr = {
  his: {
    orders: {
      title: 'Prescriptions en cours',
      none: 'Aucune prescription active reçue du SIH.',
      stopped_one: '{{count}} prescription arrêtée',
      stopped_other: '{{count}} prescriptions arrêtées',
      drug: 'Médicament',
      dose: 'Dose',
      route: 'Voie',
      when: 'Fréquence / horaires',
      since: 'Depuis',
      until: 'Jusqu’au',
      prescriber: 'Prescripteur',
      status: { active: 'en cours', stopped: 'arrêtée', cancelled: 'annulée' },
      prn: 'si besoin',
      stoppedAt: 'arrêtée le {{date}}',
    },
    results: {
      title: 'Derniers résultats',
      none: 'Aucun résultat reçu du SIH.',
      test: 'Examen',
      value: 'Résultat',
      range: 'Normes',
      flag: 'Alerte',
      at: 'Prélevé le',
      flags: { N: 'normal', L: 'bas', H: 'haut', LL: 'critique bas', HH: 'critique haut', A: 'anormal', AA: 'critique' },
    },
    asOf: 'Données du SIH au {{time}}',
    statusAsOf: 'Données du SIH au {{time}}',
    fromHis: 'Reçu du SIH (système d’information hospitalier), en lecture seule.',
    status: {
      preadmitted: 'Pré-admission',
      onLeave: 'En permission',
    },
    usedName: 'Nom d’usage\u00a0: {{name}}',
  },
};
