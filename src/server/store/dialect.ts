// SQLite through Kysely, with two changes to its stock driver, both about writes:
// - transactions start with BEGIN IMMEDIATE, so a write transaction takes the write lock up
//   front (busy_timeout then applies) instead of failing half-way when another process, such as
//   the add-user CLI, holds it;
// - ROLLBACK is skipped when SQLite has already rolled back on its own (it may on SQLITE_FULL),
//   so the caller sees the real error, not "no transaction is active".
// And two about speed: compiled statements are kept (statementCache below), and the push path
// runs its fixed statements on the transaction's connection without Kysely (SyncSql).
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type Kysely, type SqliteDatabase } from 'kysely';
import type { ReleveDatabase } from './schema';

/** Distinct SQL texts kept compiled; past this the cache starts over (texts with `in (?, ?…)` vary). */
const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query, and better-sqlite3 compiles SQL on every prepare: a push or an HIS
 * message runs the same few dozen texts over and over, and compiling them was a large share of the
 * feed's time (bench/mllp-feed.ts). Statements are run synchronously, one at a time, so sharing one
 * is safe; a statement being iterated is not, so iterate prepares its own.
 */
function preparedStatements(sqlite: BetterSqlite3.Database): (text: string) => BetterSqlite3.Statement {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (text) => {
    let stmt = cache.get(text);
    if (!stmt) {
      stmt = sqlite.prepare(text);
      if (cache.size >= STATEMENT_CACHE) cache.clear();
      cache.set(text, stmt);
    }
    return stmt;
  };
}

function statementCache(sqlite: BetterSqlite3.Database, prepared: (text: string) => BetterSqlite3.Statement): SqliteDatabase {
  return {
    close: () => sqlite.close(),
    prepare: (text) => {
      const compiled = prepared(text);
      return {
        reader: compiled.reader,
        all: (parameters) => compiled.all(parameters),
        run: (parameters) => compiled.run(parameters),
        iterate: (parameters) => sqlite.prepare(text).iterate(parameters),
      };
    },
  };
}

/**
 * SQL run synchronously on the connection of the transaction its holder is inside of, without
 * Kysely's executor: about 10 µs less per statement, and the push path runs about ten per entry
 * (bench/sync-throughput.ts). Only for fixed SQL texts on a hot path; everything else goes
 * through Kysely. Safe because the transaction holds the only connection (Kysely's mutex).
 */
export class SyncSql {
  readonly #prepared: (text: string) => BetterSqlite3.Statement;

  constructor(prepared: (text: string) => BetterSqlite3.Statement) {
    this.#prepared = prepared;
  }

  /** The rows of a query (none for a statement that returns no data). */
  query<R>(text: string, params: readonly unknown[] = []): R[] {
    const stmt = this.#prepared(text);
    if (stmt.reader) return stmt.all(params) as R[];
    stmt.run(params);
    return [];
  }

  /** Runs an insert and answers the rowid it gave (no RETURNING: SQLite then buffers a result row). */
  insert(text: string, params: readonly unknown[]): number {
    return Number(this.#prepared(text).run(params).lastInsertRowid);
  }
}

const syncSqlOfConnection = new WeakMap<DatabaseConnection, SyncSql>();

/** The transaction's connection as SyncSql. Throws outside a transaction, where it would not be safe. */
export async function syncSqlOf(trx: Kysely<ReleveDatabase>): Promise<SyncSql> {
  if (!trx.isTransaction) throw new Error('syncSqlOf needs a transaction: outside one, the connection is shared');
  return trx.getExecutor().provideConnection(async (connection) => {
    const found = syncSqlOfConnection.get(connection);
    if (!found) throw new Error('this connection has no SyncSql (not a ReleveSqliteDialect)');
    return found;
  });
}

class ReleveSqliteDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  readonly #syncSql: SyncSql;

  constructor(sqlite: BetterSqlite3.Database) {
    const prepared = preparedStatements(sqlite);
    super({ database: statementCache(sqlite, prepared) });
    this.#sqlite = sqlite;
    this.#syncSql = new SyncSql(prepared);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    if (!syncSqlOfConnection.has(connection)) syncSqlOfConnection.set(connection, this.#syncSql);
    return connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

export class ReleveSqliteDialect extends SqliteDialect {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new ReleveSqliteDriver(this.#sqlite);
  }
}
