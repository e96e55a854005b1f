// The hospital information system's feed on the tablet (issue 13). Spread into en.ts.
export const hisEn = {
  his: {
    orders: {
      title: 'Active prescriptions',
      none: 'No active prescription received from the HIS.',
      stopped_one: '{{count}} stopped prescription',
      stopped_other: '{{count}} stopped prescriptions',
      drug: 'Drug',
      dose: 'Dose',
      route: 'Route',
      when: 'Frequency / times',
      since: 'Since',
      until: 'Until',
      prescriber: 'Prescriber',
      status: { active: 'active', stopped: 'stopped', cancelled: 'cancelled' },
      prn: 'as needed',
      stoppedAt: 'stopped on {{date}}',
    },
    results: {
      title: 'Latest results',
      none: 'No result received from the HIS.',
      test: 'Test',
      value: 'Result',
      range: 'Range',
      flag: 'Flag',
      at: 'Collected',
      flags: { N: 'normal', L: 'low', H: 'high', LL: 'critically low', HH: 'critically high', A: 'abnormal', AA: 'critical' },
    },
    asOf: 'HIS data as of {{time}}',
    statusAsOf: 'HIS data as of {{time}}',
    fromHis: 'Received from the HIS (hospital information system), read only.',
    status: {
      preadmitted: 'Pre-admission',
      onLeave: 'On leave',
    },
    usedName: 'Used name: {{name}}',
  },
};
