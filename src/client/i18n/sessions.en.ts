import type { sessionsFr } from './sessions.fr';

export const sessionsEn: typeof sessionsFr = {
  sessions: {
    writer: '{{name}} · {{role}}',
    writerLabel: 'Writing as',
    switchUser: 'Switch user',
    lock: 'Lock',
    offlineSignedIn: 'Signed in offline: this tablet checked your password.',
    notEnrolled:
      'You have never signed in on this tablet and the network is down, so it cannot check your password. Ask a charge nurse who is here to enrol you offline, use a tablet you have signed in on before, or switch to paper forms.',
    lockedOut:
      'Too many wrong passwords: your account is locked on this tablet. Sign in when the network is back, or ask a charge nurse to enrol you again.',
    wrongPassword_one: 'Wrong password. {{count}} more try on this tablet before it locks you out.',
    wrongPassword_other: 'Wrong password. {{count}} more tries on this tablet before it locks you out.',
    dataKeyUnavailable:
      'This tablet cannot open its data for you yet. Ask someone who has signed in on it before to sign in, then try again.',
    lockTitle: 'Tablet locked',
    lockedFor: 'Session of {{name}} ({{role}})',
    lockIntro: 'Drafts and the screen you were on are kept. Unlock to carry on where you were.',
    pin: 'PIN',
    unlock: 'Unlock',
    unlocking: 'Unlocking…',
    usePassword: 'Use my password',
    usePin: 'Use my PIN',
    otherPerson: 'Someone else signs in',
    wrongPin_one: 'Wrong PIN. {{count}} more try before it is disabled.',
    wrongPin_other: 'Wrong PIN. {{count}} more tries before it is disabled.',
    pinDisabled: 'PIN disabled on this tablet after 5 mistakes: use your password.',
    noPin: 'No PIN on this tablet: use your password.',
    missingSecret: 'Type your PIN or your password.',
    pinSection: 'PIN on this tablet',
    pinHelp: 'A 4 to 8 digit code to unlock your session here without typing your password. After 5 mistakes it is disabled.',
    pinIsSet: 'You have a PIN on this tablet.',
    pinNotSet: 'You have no PIN on this tablet yet.',
    newPin: 'New PIN (4 to 8 digits)',
    currentPassword: 'Your password',
    savePin: 'Save the PIN',
    pinSaved: 'PIN saved on this tablet.',
    badPin: 'The PIN must be 4 to 8 digits.',
  },
};
