// Versioned schema. Migrations only ever get added: a hospital's database outlives releases.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { newId } from '../../domain/entry';
import { ROLES } from '../../domain/roles';
import { m005_his_interface } from '../interface/store/migration';
import { m009_plain_seqs } from './migration-plain-seqs';

const m001_initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('nurse', 'charge', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('user_units')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_units_pk', ['user_id', 'unit_code'])
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('first_seen', 'text', (c) => c.notNull())
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_device_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('doc_id', 'text', (c) => c.notNull())
      .addColumn('doc_type', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('patient_id', 'text')
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('device_seq', 'integer', (c) => c.notNull())
      .addColumn('server_seq', 'integer', (c) => c.notNull().unique())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('entries_doc').on('entries').columns(['doc_id', 'kind']).execute();
    await db.schema.createIndex('entries_patient').on('entries').column('patient_id').execute();

    // The feed row is written before its entry (the entry stores the feed seq), hence the
    // deferred foreign key. Migration 009 drops AUTOINCREMENT: rows are never deleted, so a
    // committed seq is never reused without it.
    await db.schema
      .createTable('feed')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addForeignKeyConstraint('feed_entry_fk', ['entry_id'], 'entries', ['id'], (fk) =>
        fk.deferrable().initiallyDeferred(),
      )
      .execute();
    await db.schema.createIndex('feed_scope_seq').on('feed').columns(['scope', 'seq']).execute();
    await db.schema.createIndex('feed_entry').on('feed').column('entry_id').execute();
  },
};

// The database's own identity, so tablets can tell a restored or reinstalled server from the
// one they synced with (HealthResponse.serverId).
const m002_server_identity: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('server_identity')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into server_identity (id, created_at) values (${newId()}, ${new Date().toISOString()})`.execute(db);
  },
};

// The users table accepts every role of domain/roles.ts (the HIS interface and the recovery team
// joined the first three). SQLite cannot change a CHECK in place: the table is rebuilt as its
// documented procedure says, foreign keys off, so dropping the old table cascades to nothing.
const m003_all_roles: Migration = {
  async up(db: Kysely<unknown>) {
    const allowed = sql.join(ROLES.map((r) => sql.lit(r)));
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      await db.transaction().execute(async (trx) => {
        await trx.schema
          .createTable('users_new')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in (${allowed})`))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into users_new (id, username, name, role, password_hash, created_at)
          select id, username, name, role, password_hash, created_at from users`.execute(trx);
        await trx.schema.dropTable('users').execute();
        await trx.schema.alterTable('users_new').renameTo('users').execute();
        const broken = await sql`pragma foreign_key_check`.execute(trx);
        if (broken.rows.length > 0) throw new Error('users rebuild broke a foreign key');
      });
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
  },
};

// Hardening (issue 10): flags on accepted entries, account history and state, device binding,
// and the append-only audit log.
const m004_integrity_and_audit: Migration = {
  async up(db: Kysely<unknown>) {
    // JSON array of EntryFlag, null when none: set once, when the entry is accepted.
    await db.schema.alterTable('entries').addColumn('flags', 'text').execute();
    // Unique IPP among live patients: the lookup by IPP must not scan every entry.
    await sql`create index entries_patient_ipp on entries (json_extract(json, '$.body.ipp')) where doc_type = 'patient'`.execute(db);

    await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
    // The names and roles an account had before a change, so entries written under the old
    // ones during an outage are still the account's own.
    await db.schema
      .createTable('user_history')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('until', 'text', (c) => c.notNull())
      .execute();

    // A device id is the tablet's own choice: the first login binds it to a secret only that
    // tablet holds (and remembers the account that registered it).
    await db.schema.alterTable('devices').addColumn('key_hash', 'text').execute();
    await db.schema.alterTable('devices').addColumn('first_user_id', 'text').execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('username', 'text')
      .addColumn('device_id', 'text')
      .addColumn('address', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    // Append-only in the database itself, not only by convention.
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
  },
};

// Shared tablets (issue 9): the secret that wraps each tablet's data key.
const m006_device_secret: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').addColumn('wrap_secret', 'text').execute();
  },
};

// Relief staff enrolled offline (issue 9 §3, issue 10 §1): the account an enrolment entry made,
// held as provisional until an admin links it to a real account or refuses it.
const m007_provisional_accounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('provisional_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn('enrolled_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('enrolled_by_name', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'linked', 'refused')`))
      .addColumn('linked_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('reason', 'text')
      .execute();
  },
};

// Fewer index pages written per HIS message (issue 13: each page is written to the WAL and synced
// before the ACK). entries_patient (patient_id) is a prefix of migration 005's entries_patient_type
// (patient_id, doc_type, kind), which serves every lookup by patient_id. Only unmapped messages are
// ever looked up by status (journal.ts, unmappedMessages, which writes the status in its SQL text
// so this partial index applies): every other message no longer writes a his_journal_status row.
const m008_leaner_indexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('entries_patient').execute();
    await db.schema.dropIndex('his_journal_status').execute();
    await sql`create index his_journal_unmapped on his_journal (seq) where status = 'unmapped'`.execute(db);
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001_initial,
  '002_server_identity': m002_server_identity,
  '003_all_roles': m003_all_roles,
  '004_integrity_and_audit': m004_integrity_and_audit,
  '005_his_interface': m005_his_interface,
  '006_device_secret': m006_device_secret,
  '007_provisional_accounts': m007_provisional_accounts,
  '008_leaner_indexes': m008_leaner_indexes,
  '009_plain_seqs': m009_plain_seqs,
};
