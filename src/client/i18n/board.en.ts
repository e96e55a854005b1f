// English strings of the first screens whose sections belong to other screens (see board.fr.ts).
import type { BoardCatalog } from './board.fr';

export const boardEn: BoardCatalog = {
  handover: {
    open: 'Ward handover',
    startRound: 'Handover round',
    severity: {
      stable: 'Stable',
      watcher: 'Watcher',
      unstable: 'Unstable',
      none: 'Severity not given',
    },
  },
  admission: {
    button: 'Admit a patient',
  },
  templatesAdmin: {
    nav: 'Templates',
  },
  print: {
    kitButton: 'Print downtime kit',
  },
  recovery: {
    nav: 'Recovery',
  },
  his: {
    statusAsOf: 'HIS data as of {{time}}',
  },
  downtime: {
    nav: {
      procedures: 'Procedures',
      directory: 'Directory',
      downtime: 'Downtime',
      declare: 'Declare downtime',
      admin: 'Admin',
    },
    banner: {
      label: 'Downtime in force',
      title: 'Downtime since {{time}} ({{duration}})',
      drill: 'DRILL',
      unit: 'ward {{unit}}',
      hospital: 'whole hospital',
      down: 'down: {{list}}',
      open: 'Open downtime',
    },
    print: {
      drill: 'DRILL — printed during a downtime drill, of no real clinical value',
    },
    duration: '{{h}} h {{m}}',
    durationMinutes: '{{m}} min',
    durationDays: '{{d}} d {{h}} h',
    reason: {
      network: 'Network down',
      records: 'Patient record system unavailable',
      switchboard: 'Switchboard down',
      power: 'Power cut',
      cyberattack: 'Cyberattack',
      drill: 'Drill',
    },
    system: {
      records: 'Patient record system',
      network: 'Network',
      phones: 'Phones',
      lab: 'Laboratory',
      imaging: 'Imaging',
      pharmacy: 'Pharmacy',
      email: 'E-mail',
      power: 'Power',
    },
    status: {
      reference: 'Procedures and directory as of {{absolute}}',
      referenceNever: 'Procedures and directory: never loaded',
    },
  },
  admin: {
    adminOnly: 'For the crisis cell only (admin account).',
  },
};
