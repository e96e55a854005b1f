// Relief staff enrolled offline by a charge nurse (issue 9 §3), and the admin's decision on them.
export const enrolFr = {
  enrol: {
    title: 'Inscrire une collègue hors ligne',
    link: 'Inscrire une collègue (hors ligne)',
    help:
      'Pour une personne de renfort qui ne s’est jamais connectée sur cette tablette. Elle travaillera sous un compte provisoire, sur cette tablette seulement, et chacune de ses saisies portera vos deux noms. Au retour du réseau, un administrateur le rattache à un vrai compte ou le refuse\u00a0; rien de ce qu’elle a écrit n’est perdu.',
    name: 'Nom et prénom de la collègue',
    username: 'Identifiant qu’elle tapera (ex. marie.dupont)',
    role: 'Rôle (pas au-dessus du vôtre)',
    ward: 'Service',
    password: 'Mot de passe provisoire (tapé par elle, 8 caractères au moins)',
    passwordAgain: 'Le même mot de passe, encore (par elle)',
    myPassword: 'Votre propre mot de passe (pour ouvrir la tablette à son nom)',
    submit: 'Inscrire',
    done: '{{name}} est inscrite sur cette tablette. Elle peut se connecter avec son identifiant et son mot de passe, même hors ligne.',
    notAllowed: 'Seul·e un·e cadre ou un administrateur peut inscrire une collègue.',
    problem: {
      passwords_differ: 'Les deux mots de passe diffèrent\u00a0: qu’elle les retape.',
      password_short: 'Le mot de passe provisoire doit compter au moins 8 caractères.',
      username_taken: 'Cet identifiant se connecte déjà sur cette tablette\u00a0: choisissez-en un autre.',
      role: 'Vous ne pouvez pas donner ce rôle.',
      invalid: 'Vérifiez le nom et l’identifiant (lettres minuscules, chiffres, point, tiret).',
    },
    byline: '{{name}}, inscrite hors ligne par {{by}}',
    bylineLinked: '{{name}} (compte de {{account}}), inscrite hors ligne par {{by}}',
    onTablet: {
      title: 'Collègues inscrites hors ligne sur cette tablette',
      help: 'Ce que l’informatique a décidé, tel que cette tablette l’a appris du serveur. Rien de ce qu’elles ont écrit n’est jamais perdu.',
      line: '{{name}}, inscrite par {{by}} le {{at}}',
      pending: 'compte provisoire, à confirmer',
      linked: 'rattachée au compte de {{account}}',
      refused: 'refusée\u00a0: {{reason}}',
    },
  },
};
