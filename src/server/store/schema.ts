// The server's tables, as Kysely sees them. Times are ISO-8601 UTC strings (toISOString), so
// they sort as text in SQLite and PostgreSQL alike.
import type { Generated, Selectable } from 'kysely';
import type { Role } from '../../domain/roles';
import type { HisTables } from '../interface/store/tables';

interface UserTable {
  id: string;
  username: string;
  name: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash, see auth/password.ts */
  password_hash: string;
  created_at: string;
  /** Set by `user disable`: no login, and its tokens stop working. */
  disabled_at: string | null;
}

/** A name and role the account had until a change. */
interface UserHistoryTable {
  user_id: string;
  name: string;
  role: string;
  until: string;
}

interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  /** login_ok, login_failed, pull, push, token_revoked, device_revoked, user_* ... */
  event: string;
  user_id: string | null;
  username: string | null;
  device_id: string | null;
  address: string | null;
  /** JSON object: what the event was about (scopes and counts, the change made). */
  details: string;
}

interface UserUnitTable {
  user_id: string;
  unit_code: string;
}

interface DeviceTable {
  id: string;
  first_seen: string;
  last_seen: string;
  revoked_at: string | null;
  /** Highest deviceSeq accepted from this device: a gap below it means a lost entry. */
  last_device_seq: number;
  /** sha256 of the secret handed to the tablet that registered this id. */
  key_hash: string | null;
  first_user_id: string | null;
  /** The secret that wraps the tablet's data key (store/device-secret.ts); null until its next sign-in. */
  wrap_secret: string | null;
}

interface TokenTable {
  /** sha256 hex of the bearer token: a stolen database does not yield working tokens. */
  token_hash: string;
  user_id: string;
  device_id: string;
  created_at: string;
  expires_at: string;
}

interface EntryTable {
  id: string;
  doc_id: string;
  doc_type: string;
  kind: string;
  scope: string;
  patient_id: string | null;
  hash: string;
  device_id: string;
  device_seq: number;
  server_seq: number;
  received_at: string;
  /** JSON array of EntryFlag, or null. */
  flags: string | null;
  /** The entry as received, without serverSeq/receivedAt (those live in columns). */
  json: string;
}

/** What pull reads: one row per (entry, scope) delivery, in commit order. */
interface FeedTable {
  seq: Generated<number>;
  entry_id: string;
  scope: string;
}

/** An account enrolled offline on a tablet (domain/provisional.ts), from its enrolment entry. */
interface ProvisionalAccountTable {
  id: string;
  username: string;
  name: string;
  role: string;
  unit_code: string;
  /** The charge nurse or admin who enrolled her, and her name as the entries carry it. */
  enrolled_by: string;
  enrolled_by_name: string;
  device_id: string;
  /** The enrolment entry's createdAt (the tablet's clock). */
  enrolled_at: string;
  entry_id: string;
  status: 'pending' | 'linked' | 'refused';
  linked_user_id: string | null;
  decided_at: string | null;
  /** Who linked or refused it: an admin's username, or 'cli'. */
  decided_by: string | null;
  reason: string | null;
}

interface ServerIdentityTable {
  id: string;
  created_at: string;
}

export interface ReleveDatabase extends HisTables {
  server_identity: ServerIdentityTable;
  users: UserTable;
  user_units: UserUnitTable;
  devices: DeviceTable;
  tokens: TokenTable;
  entries: EntryTable;
  feed: FeedTable;
  user_history: UserHistoryTable;
  audit_log: AuditLogTable;
  provisional_accounts: ProvisionalAccountTable;
}

export type UserRow = Selectable<UserTable>;
export type EntryRow = Selectable<EntryTable>;
export type ProvisionalRow = Selectable<ProvisionalAccountTable>;