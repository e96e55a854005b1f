// Opens (and creates, and migrates) the one SQLite file that holds everything the server knows.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { ReleveSqliteDialect } from './dialect';
import { MIGRATIONS } from './migrations';
import type { ReleveDatabase } from './schema';

export const DB_FILE_NAME = 'releve.sqlite';

export interface Store {
  db: Kysely<ReleveDatabase>;
  /** The raw better-sqlite3 handle, for pragmas and tests. Queries go through `db`. */
  sqlite: Database.Database;
  file: string;
  /** This database's identity (see HealthResponse.serverId). */
  serverId: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Directory of releve.sqlite; created if missing. Default: RELEVE_DATA_DIR or ./data. */
  dataDir?: string;
}

export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.RELEVE_DATA_DIR || './data');
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const dir = opts.dataDir ? resolve(opts.dataDir) : dataDirFromEnv();
  // Patient data: the directory is the server account's alone (0700), and so are the database
  // files (0600), whatever the umask. The umask also covers the -wal and -shm files SQLite makes.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, DB_FILE_NAME);
  const previousUmask = process.umask(0o077);
  try {
    return await openSqlite(file);
  } finally {
    process.umask(previousUmask);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  }
}

async function openSqlite(file: string): Promise<Store> {
  const sqlite = new Database(file);
  // Safety rule 1: `accepted` means on disk. WAL + synchronous=FULL fsyncs the log on every
  // commit, so a power cut or SIGKILL after the answer cannot lose the entry.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const db = new Kysely<ReleveDatabase>({ dialect: new ReleveSqliteDialect(sqlite) });
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  const identity = await db.selectFrom('server_identity').select('id').executeTakeFirstOrThrow();
  let closed = false;
  return {
    db,
    sqlite,
    file,
    serverId: identity.id,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
