// Shared tablets (issue 9): offline sign-in, PIN, lock, switching nurses, sessions that tell the truth.
export const sessionsFr = {
  sessions: {
    writer: '{{name}} · {{role}}',
    writerLabel: 'Saisies au nom de',
    switchUser: 'Changer d’utilisateur',
    lock: 'Verrouiller',
    offlineSignedIn: 'Connexion hors ligne\u00a0: votre mot de passe a été vérifié par cette tablette.',
    notEnrolled:
      'Vous ne vous êtes jamais connecté·e sur cette tablette et le réseau est coupé\u00a0: elle ne peut pas vérifier votre mot de passe. Demandez à un·e cadre présent·e de vous inscrire hors ligne, utilisez une tablette où vous vous êtes déjà connecté·e, ou passez aux formulaires papier.',
    lockedOut:
      'Trop de mots de passe erronés\u00a0: votre compte est bloqué sur cette tablette. Connectez-vous quand le réseau revient, ou demandez à un·e cadre de vous réinscrire.',
    wrongPassword_one: 'Mot de passe incorrect. Encore {{count}} essai sur cette tablette avant blocage.',
    wrongPassword_other: 'Mot de passe incorrect. Encore {{count}} essais sur cette tablette avant blocage.',
    dataKeyUnavailable:
      'Cette tablette ne peut pas encore vous ouvrir ses données. Demandez à une personne qui s’y est déjà connectée de se connecter, puis réessayez.',
    lockTitle: 'Tablette verrouillée',
    lockedFor: 'Session de {{name}} ({{role}})',
    lockIntro: 'Les brouillons et l’écran en cours sont gardés. Déverrouillez pour reprendre là où vous étiez.',
    pin: 'Code PIN',
    unlock: 'Déverrouiller',
    unlocking: 'Déverrouillage…',
    usePassword: 'Utiliser mon mot de passe',
    usePin: 'Utiliser mon code PIN',
    otherPerson: 'Une autre personne se connecte',
    wrongPin_one: 'Code PIN incorrect. Encore {{count}} essai avant sa désactivation.',
    wrongPin_other: 'Code PIN incorrect. Encore {{count}} essais avant sa désactivation.',
    pinDisabled: 'Code PIN désactivé sur cette tablette après 5 erreurs\u00a0: utilisez votre mot de passe.',
    noPin: 'Pas de code PIN sur cette tablette\u00a0: utilisez votre mot de passe.',
    missingSecret: 'Saisissez votre code PIN ou votre mot de passe.',
    pinSection: 'Code PIN de cette tablette',
    pinHelp:
      'Un code de 4 à 8 chiffres pour déverrouiller votre session ici, sans retaper votre mot de passe. Après 5 erreurs il est désactivé.',
    pinIsSet: 'Vous avez un code PIN sur cette tablette.',
    pinNotSet: 'Vous n’avez pas encore de code PIN sur cette tablette.',
    newPin: 'Nouveau code PIN (4 à 8 chiffres)',
    currentPassword: 'Votre mot de passe',
    savePin: 'Enregistrer le code PIN',
    pinSaved: 'Code PIN enregistré sur cette tablette.',
    badPin: 'Le code PIN doit faire de 4 à 8 chiffres.',
  },
};
