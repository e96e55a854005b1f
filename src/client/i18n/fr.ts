// The French catalog, the reference one: every key here must exist in English (the types enforce
// it). This file holds what the first screens show (sign-in, lock, choice of ward, ward board,
// header, banners, status bar): it is in the first chunk. The other screens' strings are in
// screens.fr.ts, loaded with the screens (loadScreenStrings); the translator merges the two.
// No-break spaces (\u00a0) keep French punctuation (: ? « ») on the line of its word.
// Plurals use the suffixes _one, _other (picked by Intl.PluralRules, translator.ts); in French 0 takes the _one form.
import { boardFr } from './board.fr';
import { sessionsFr } from './sessions.fr';
import type { ScreensCatalog } from './screens.fr';

export const fr = {
  ...sessionsFr,
  ...boardFr,
  app: {
    name: 'Relève',
    tagline: 'Continuité des soins en mode dégradé',
    skipToContent: 'Aller au contenu',
    loading: 'Chargement…',
    screenLoadFailed: 'Cet écran n’a pas pu être chargé : la tablette n’avait pas fini d’installer l’application avant la coupure du réseau. Les autres écrans restent utilisables.',
    retry: 'Réessayer',
    notFound: 'Cette page n’existe pas.',
    backHome: 'Retour à l’accueil',
  },
  header: {
    ward: 'Service',
    signedInAs: 'Connecté·e\u00a0: {{name}}',
    role: {
      nurse: 'IDE',
      charge: 'Cadre',
      admin: 'Admin',
      interface: 'Interface SIH',
      recovery: 'Équipe de reprise',
    },
    settings: 'Réglages',
    language: 'Langue',
    mainNav: 'Navigation principale',
    menu: 'Menu',
    changeWard: 'Changer de service',
    settingsAndSignOut: 'Réglages et déconnexion',
  },
  language: {
    fr: 'Français',
    en: 'English',
  },
  status: {
    label: 'État de la synchronisation',
    checking: 'Connexion\u00a0: vérification…',
    checkingShort: 'Vérification…',
    online: 'En ligne',
    offline: 'Hors ligne',
    lastSync: 'Dernière synchro\u00a0: {{relative}} ({{absolute}})',
    lastSyncNever: 'Dernière synchro\u00a0: jamais',
    syncing: 'Synchronisation…',
    syncNow: 'Synchroniser',
    pending_one: '{{count}} en attente d’envoi',
    pending_other: '{{count}} en attente d’envoi',
    rejected_one: '{{count}} refusée',
    rejected_other: '{{count}} refusées',
    conflicts_one: '{{count}} en conflit',
    conflicts_other: '{{count}} en conflit',
    census: 'Liste des patients au {{absolute}} ({{relative}})',
    censusNever: 'Liste des patients\u00a0: jamais chargée',
    lastSyncShort: 'Synchro\u00a0: {{relative}} ({{time}})',
    lastSyncRecent: 'Synchro\u00a0: {{relative}}',
    censusShort: 'Patients au {{time}}',
    referenceShort: 'Procédures et annuaire au {{time}}',
    lastError: 'Dernière tentative échouée\u00a0: {{error}}',
    clockAheadHours_one: 'L’horloge de cette tablette avance de {{count}} heure sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    clockAheadHours_other: 'L’horloge de cette tablette avance de {{count}} heures sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    clockBehindHours_one: 'L’horloge de cette tablette retarde de {{count}} heure sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    clockBehindHours_other: 'L’horloge de cette tablette retarde de {{count}} heures sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    clockAhead_one: 'L’horloge de cette tablette avance de {{count}} minute sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    clockAhead_other: 'L’horloge de cette tablette avance de {{count}} minutes sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    clockBehind_one: 'L’horloge de cette tablette retarde de {{count}} minute sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    clockBehind_other: 'L’horloge de cette tablette retarde de {{count}} minutes sur celle du serveur\u00a0: faites-la corriger, les heures des saisies en dépendent.',
    deviceRevoked:
      'Cette tablette a été révoquée\u00a0: plus rien ne peut être envoyé. Passez aux formulaires papier et prévenez la cellule de crise.',
    details: 'Détails de la synchronisation',
  },
  time: {
    justNow: 'à l’instant',
    never: 'jamais',
    // As Intl.RelativeTimeFormat('fr-FR', { numeric: 'auto', style: 'short' }) writes them (format.ts).
    minutesAgo: 'il y a {{n}}\u00a0min',
    inMinutes: 'dans {{n}}\u00a0min',
    hoursAgo: 'il y a {{n}}\u00a0h',
    inHours: 'dans {{n}}\u00a0h',
    yesterday: 'hier',
    twoDaysAgo: 'avant-hier',
    daysAgo_one: 'il y a {{n}}\u00a0j',
    daysAgo_other: 'il y a {{n}}\u00a0j',
    tomorrow: 'demain',
    inTwoDays: 'après-demain',
    inDays_one: 'dans {{n}}\u00a0j',
    inDays_other: 'dans {{n}}\u00a0j',
  },
  update: {
    available: 'Une nouvelle version de Relève est disponible.',
    installNow: 'Installer maintenant',
    later: 'Plus tard',
    finishFirst: 'Terminez ou abandonnez d’abord les brouillons en cours sur cette tablette.',
    seeDrafts: 'Voir les brouillons en cours',
  },
  storageFull: {
    title: 'Stockage plein — passez aux formulaires papier',
    body: 'Cette tablette n’a plus de place\u00a0: ce que vous saisissez ne peut plus être enregistré. Utilisez les formulaires papier du mode dégradé dès maintenant.',
    dismiss: 'J’ai compris',
  },
  errors: {
    notSaved: 'Non enregistré\u00a0: {{message}}',
    storageFullNotSaved: 'Stockage plein\u00a0: ceci n’a PAS été enregistré. Passez aux formulaires papier.',
    unknown: 'erreur inconnue',
  },
  login: {
    title: 'Connexion',
    intro: 'Connectez-vous avec votre identifiant hospitalier.',
    username: 'Identifiant',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    missing: 'Saisissez votre identifiant et votre mot de passe.',
    deviceRevoked:
      'Cette tablette a été révoquée\u00a0: on ne peut plus s’y connecter. Passez aux formulaires papier et prévenez la cellule de crise.',
    tooManyAttempts: 'Trop d’essais de connexion. Attendez une minute avant de réessayer.',
    invalidCredentials: 'Identifiant ou mot de passe incorrect.',
    offline:
      'Pas de réseau. Il faut le réseau une fois pour se connecter sur cette tablette ; ensuite Relève fonctionne hors ligne.',
    server: 'Le serveur ne répond pas. Réessayez dans un moment ou passez aux formulaires papier.',
    unknownError: 'La connexion a échoué\u00a0: {{message}}',
    waitingForSignIn:
      'Des transmissions de {{names}} attendent sur cette tablette\u00a0: elles seront envoyées quand leur auteur se reconnectera.',
  },
  home: {
    title: 'Choisir un service',
    noUnits: 'Votre compte n’est rattaché à aucun service. Contactez la cellule de crise.',
  },
  ward: {
    title: '{{unit}} — patients',
    search: 'Rechercher (nom, IPP ou chambre)',
    searchHint: 'Tapez un nom, un IPP ou un numéro de chambre.',
    results_one: '{{count}} patient',
    results_other: '{{count}} patients',
    noPatients: 'Aucun patient pour ce service sur cette tablette. Synchronisez dès que le réseau revient.',
    noMatch: 'Aucun patient ne correspond à «\u00a0{{query}}\u00a0».',
    notYourWard: 'Vous n’êtes pas rattaché·e au service {{unit}}.',
    room: 'Ch.',
    roomBed: 'Ch. {{room}} · lit {{bed}}',
    roomOnly: 'Ch. {{room}}',
    lastNote: 'Dernière transmission\u00a0: {{absolute}} ({{relative}})',
    noNotes: 'Aucune transmission',
    notes_one: '{{count}} transmission',
    notes_other: '{{count}} transmissions',
    conflict: 'Conflit à résoudre',
    tableCaption: 'Patients du service, par chambre',
  },
  patient: {
    notFound: 'Ce patient n’est pas sur cette tablette.',
    born: 'Né·e le {{date}} ({{age}} ans)',
    bornF: 'Née le {{date}} ({{age}} ans)',
    bornM: 'Né le {{date}} ({{age}} ans)',
    ipp: 'IPP {{ipp}}',
    sexLabel: 'Sexe\u00a0: {{sex}}',
    sex: {
      F: 'Femme',
      M: 'Homme',
      X: 'Indéterminé',
    },
    allergies: 'Allergies\u00a0: {{list}}',
    allergiesNone: 'Allergies\u00a0: aucune renseignée',
    ward: 'Service {{unit}}',
    identity: 'Identité du patient',
    backToWard: 'Retour au service',
  },
  syncError: {
    storageFull: 'stockage plein ({{code}}). Passez aux formulaires papier et prévenez la cellule de crise.',
    unauthorized: 'session expirée ({{code}})\u00a0: reconnectez-vous pour envoyer vos saisies.',
    deviceRevoked: 'tablette révoquée ({{code}}).',
    refused: 'le serveur a refusé la demande ({{code}}). Prévenez la cellule de crise si cela se répète.',
    server: 'erreur du serveur ({{code}}). Nouvel essai automatique\u00a0; vos saisies restent sur la tablette.',
    other: 'erreur inattendue ({{code}}). Vos saisies restent sur la tablette.',
  },
};

/** What the first chunk carries. */
export type FirstCatalog = typeof fr;

/** Two catalogs' sections merged key by key, as the translator merges them (translator.ts). */
type Merged<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A
    ? K extends keyof B
      ? Merged<A[K], B[K]>
      : A[K]
    : K extends keyof B
      ? B[K]
      : never;
};

/** Every French string: the first chunk's and the screens'. */
export type Catalog = Merged<FirstCatalog, ScreensCatalog>;
