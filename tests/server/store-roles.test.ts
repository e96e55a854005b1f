// Migration 003: a database made before the HIS interface and recovery roles existed takes them,
// and keeps every account, its wards and its sessions through the users table's rebuild.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/roles';
import { ReleveSqliteDialect } from '../../src/server/store/dialect';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { DB_FILE_NAME, openStore } from '../../src/server/store/open-store';
import { tempDir } from './helpers';

describe('migration 003_all_roles', () => {
  it('keeps accounts, their wards and tokens, and accepts every role of domain/roles.ts', async () => {
    const dir = tempDir();
    const sqlite = new Database(join(dir, DB_FILE_NAME));
    sqlite.pragma('foreign_keys = ON');
    const old = new Kysely<unknown>({ dialect: new ReleveSqliteDialect(sqlite) });
    const migrated = await new Migrator({ db: old, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo('002_server_identity');
    expect(migrated.error).toBeUndefined();
    const now = new Date().toISOString();
    sqlite.prepare("insert into users values ('u1', 'cadre', 'Cadre', 'charge', 'h', ?)").run(now);
    sqlite.prepare("insert into user_units values ('u1', 'MED')").run();
    sqlite.prepare("insert into devices (id, first_seen, last_seen) values ('t1', ?, ?)").run(now, now);
    sqlite.prepare("insert into tokens values ('th', 'u1', 't1', ?, ?)").run(now, now);
    expect(() => sqlite.prepare("insert into users values ('u2', 'his', 'HIS', 'interface', 'h', ?)").run(now)).toThrow(/CHECK/);
    await old.destroy();

    const store = await openStore({ dataDir: dir });
    try {
      expect(store.sqlite.prepare('select username, role from users').all()).toEqual([{ username: 'cadre', role: 'charge' }]);
      expect(store.sqlite.prepare('select * from user_units').all()).toEqual([{ user_id: 'u1', unit_code: 'MED' }]);
      expect(store.sqlite.prepare('select token_hash from tokens').all()).toEqual([{ token_hash: 'th' }]);
      for (const role of ROLES) store.sqlite.prepare("insert into users (id, username, name, role, password_hash, created_at) values (?, ?, 'X', ?, 'h', ?)").run(`id-${role}`, `u-${role}`, role, now);
      expect(() => store.sqlite.prepare("insert into users (id, username, name, role, password_hash, created_at) values ('u9', 'doc', 'D', 'doctor', 'h', ?)").run(now)).toThrow(/CHECK/);
      // The foreign keys still hold, and still cascade.
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      store.sqlite.prepare("delete from users where id = 'u1'").run();
      expect(store.sqlite.prepare('select count(*) as n from user_units').get()).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });
});
