// The audit log: who signed in (or failed to), who pulled which wards and how much, who pushed,
// what IT changed. Append-only: triggers in the database refuse any update or delete.
import type { Kysely } from 'kysely';
import type { ReleveDatabase } from './schema';

type AuditEvent =
  | 'login_ok'
  | 'login_failed'
  | 'login_throttled'
  | 'pull'
  | 'push'
  | 'device_revoked'
  | 'tokens_revoked'
  | 'user_added'
  | 'user_disabled'
  | 'user_enabled'
  | 'password_reset'
  | 'units_set'
  | 'unit_added'
  | 'backup'
  | 'provisional_enrolled'
  | 'provisional_linked'
  | 'provisional_refused';

export interface AuditRecord {
  event: AuditEvent;
  userId?: string | null;
  username?: string | null;
  deviceId?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(db: Kysely<ReleveDatabase>, r: AuditRecord, at: Date = new Date()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      event: r.event,
      user_id: r.userId ?? null,
      username: r.username ?? null,
      device_id: r.deviceId ?? null,
      address: r.address ?? null,
      details: JSON.stringify(r.details ?? {}),
    })
    .execute();
}

export interface AuditRow {
  seq: number;
  at: string;
  event: string;
  userId: string | null;
  username: string | null;
  deviceId: string | null;
  address: string | null;
  details: Record<string, unknown>;
}

/** The log since a time, oldest first; `username` narrows it to one account. */
export async function readAudit(db: Kysely<ReleveDatabase>, since: Date, username?: string): Promise<AuditRow[]> {
  // Pulls and pushes record the account id; the username is looked up for the reader.
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('users.username as account')
    .where('audit_log.at', '>=', since.toISOString());
  if (username) {
    const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    q = q.where((eb) => eb.or([eb('audit_log.username', '=', username), eb('audit_log.user_id', '=', user?.id ?? '')]));
  }
  const rows = await q.orderBy('audit_log.seq').execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    event: r.event,
    userId: r.user_id,
    username: r.username ?? r.account,
    deviceId: r.device_id,
    address: r.address,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}
