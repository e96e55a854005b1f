// SQLite through Kysely, with two changes to its stock driver, both about writes:
// - transactions start with BEGIN IMMEDIATE, so a write transaction takes the write lock up
//   front (busy_timeout then applies) instead of failing half-way when another process, such as
//   the add-user CLI, holds it;
// - ROLLBACK is skipped when SQLite has already rolled back on its own (it may on SQLITE_FULL),
//   so the caller sees the real error, not "no transaction is active".
import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

class ReleveSqliteDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
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
