// French strings that the first screens show but whose sections belong to other screens: the
// ward board's handover and admission links and severity badges, the header's sections, the
// downtime banner and the status bar's reference and HIS lines. Part of the first chunk (fr.ts);
// the rest of each section comes with the screens (screens.fr.ts) and the translator merges the two.
export const boardFr = {
  handover: {
    open: 'Relève du service',
    startRound: 'Tour de relève',
    severity: {
      stable: 'Stable',
      watcher: 'À surveiller',
      unstable: 'Instable',
      none: 'Gravité non renseignée',
    },
  },
  admission: {
    button: 'Admettre un patient',
  },
  templatesAdmin: {
    nav: 'Modèles',
  },
  print: {
    kitButton: 'Imprimer le kit mode dégradé',
  },
  recovery: {
    nav: 'Reprise',
  },
  his: {
    statusAsOf: 'Données du SIH au {{time}}',
  },
  downtime: {
    nav: {
      procedures: 'Procédures',
      directory: 'Annuaire',
      downtime: 'Mode dégradé',
      declare: 'Déclarer un mode dégradé',
      admin: 'Administration',
    },
    banner: {
      label: 'Mode dégradé en cours',
      title: 'Mode dégradé depuis {{time}} ({{duration}})',
      drill: 'EXERCICE',
      unit: 'service {{unit}}',
      hospital: 'tout l’hôpital',
      down: 'en panne\u00a0: {{list}}',
      open: 'Voir le mode dégradé',
    },
    print: {
      drill: 'EXERCICE — document produit pendant un exercice de mode dégradé, sans valeur clinique réelle',
    },
    duration: '{{h}}\u00a0h\u00a0{{m}}',
    durationMinutes: '{{m}}\u00a0min',
    durationDays: '{{d}}\u00a0j\u00a0{{h}}\u00a0h',
    reason: {
      network: 'Panne du réseau',
      records: 'Dossier patient informatisé indisponible',
      switchboard: 'Panne du standard téléphonique',
      power: 'Coupure électrique',
      cyberattack: 'Cyberattaque',
      drill: 'Exercice',
    },
    system: {
      records: 'Dossier patient (DPI)',
      network: 'Réseau',
      phones: 'Téléphonie',
      lab: 'Laboratoire',
      imaging: 'Imagerie',
      pharmacy: 'Pharmacie',
      email: 'Messagerie',
      power: 'Électricité',
    },
    status: {
      reference: 'Procédures et annuaire au {{absolute}}',
      referenceNever: 'Procédures et annuaire\u00a0: jamais chargés',
    },
  },
  admin: {
    adminOnly: 'Réservé à la cellule de crise (compte administrateur).',
  },
};

export type BoardCatalog = typeof boardFr;
