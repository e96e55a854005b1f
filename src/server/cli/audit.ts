// `audit --since <date> [--user <username>]`: the audit log, oldest first, one event a line.
import { readAudit } from '../store/audit';
import { requireOption, stringOption, UsageError, type Command } from './command';

export const auditCommand: Command = {
  name: 'audit',
  usage: '--since 2026-03-01 [--user <username>]',
  summary: 'print the audit log: sign-ins, pulls, pushes, revocations, account changes',
  options: { since: { type: 'string' }, user: { type: 'string' } },
  run: async ({ store, values }) => {
    const since = new Date(requireOption(values, 'since'));
    if (Number.isNaN(since.getTime())) throw new UsageError('--since must be a date (2026-03-01) or an ISO time');
    const rows = await readAudit(store.db, since, stringOption(values, 'user'));
    if (rows.length === 0) return 'no events';
    return rows
      .map((r) => [r.at, r.event, r.username ?? r.userId ?? '-', r.deviceId ?? '-', r.address ?? '-', JSON.stringify(r.details)].join('\t'))
      .join('\n');
  },
};
