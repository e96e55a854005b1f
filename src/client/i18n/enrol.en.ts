// Relief staff enrolled offline by a charge nurse (issue 9 §3), and the admin's decision on them.
export const enrolEn = {
  enrol: {
    title: 'Enrol a colleague offline',
    link: 'Enrol a colleague (offline)',
    help:
      'For relief staff who have never signed in on this tablet. She will work under a provisional account, on this tablet only, and each of her entries will carry both your names. When the network is back, an admin links it to a real account or refuses it; nothing she wrote is lost.',
    name: 'Colleague’s full name',
    username: 'Username she will type (e.g. marie.dupont)',
    role: 'Role (not above yours)',
    ward: 'Ward',
    password: 'Temporary password (typed by her, at least 8 characters)',
    passwordAgain: 'The same password again (by her)',
    myPassword: 'Your own password (to open the tablet in her name)',
    submit: 'Enrol',
    done: '{{name}} is enrolled on this tablet. She can sign in with her username and password, even offline.',
    notAllowed: 'Only a charge nurse or an admin can enrol a colleague.',
    problem: {
      passwords_differ: 'The two passwords differ: ask her to type them again.',
      password_short: 'The temporary password needs at least 8 characters.',
      username_taken: 'This username already signs in on this tablet: choose another.',
      role: 'You cannot give this role.',
      invalid: 'Check the name and the username (lower-case letters, digits, dot, dash).',
    },
    byline: '{{name}}, enrolled offline by {{by}}',
    bylineLinked: '{{name}} ({{account}}’s account), enrolled offline by {{by}}',
    onTablet: {
      title: 'Colleagues enrolled offline on this tablet',
      help: 'What IT decided, as this tablet last learnt it from the server. Nothing they wrote is ever lost.',
      line: '{{name}}, enrolled by {{by}} on {{at}}',
      pending: 'provisional account, to be confirmed',
      linked: 'linked to {{account}}’s account',
      refused: 'refused: {{reason}}',
    },
  },
};
