// SQLite through Kysely, with two changes to its stock driver, both about writes:
// - transactions start with BEGIN IMMEDIATE, so a write transaction takes the write lock up
//   front (busy_timeout then applies) instead of failing half-way when another process, such as
//   the add-user CLI, holds it;
// - ROLLBACK is skipped when SQLite has already rolled back on its own (it may on SQLITE_FULL),
//   so the caller sees the real error, not "no transaction is active".
// And one about speed: compiled statements are kept (statementCache below).
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept compiled; past this the cache starts over (texts with `in (?, ?…)` vary). */
const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query, and better-sqlite3 compiles SQL on every prepare: a push or an HIS
 * message runs the same few dozen texts over and over, and compiling them was a large share of the
 * feed's time (bench/mllp-feed.ts). Statements are run synchronously, one at a time, so sharing one
 * is safe; a statement being iterated is not, so iterate prepares its own.
 */
function statementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (text) => {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.clear();
        cache.set(text, stmt);
      }
      const compiled = stmt;
      return {
        reader: compiled.reader,
        all: (parameters) => compiled.all(parameters),
        run: (parameters) => compiled.run(parameters),
        iterate: (parameters) => sqlite.prepare(text).iterate(parameters),
      };
    },
  };
}

class ReleveSqliteDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: statementCache(sqlite) });
    this.#sqlite = sqlite;
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
