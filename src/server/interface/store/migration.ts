// The HIS interface's tables (migration 005). Added, never changed: see store/migrations.ts.
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const m005_his_interface: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('his_journal')
      .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('control_id', 'text', (c) => c.notNull().unique())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('message_type', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('raw', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('ipp', 'text')
      .addColumn('unit_code', 'text')
      .execute();
    await db.schema.createIndex('his_journal_unit').on('his_journal').columns(['unit_code', 'received_at']).execute();
    await db.schema.createIndex('his_journal_status').on('his_journal').columns(['status', 'seq']).execute();
    await db.schema
      .createTable('his_wards')
      .addColumn('his_code', 'text', (c) => c.primaryKey())
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('his_patients')
      .addColumn('ipp', 'text', (c) => c.primaryKey())
      .addColumn('patient_id', 'text', (c) => c.notNull())
      .addColumn('last_event_at', 'text', (c) => c.notNull())
      .execute();
    // A patient by her IPP (records the feed did not make) uses migration 004's entries_patient_ipp.
    // The feed looks documents up by type (an order by its number, a result by its test).
    await db.schema.createIndex('entries_patient_type').on('entries').columns(['patient_id', 'doc_type', 'kind']).execute();
  },
};
