import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, type SqliteDatabase, SqliteDialect } from "kysely";
import pg from "pg";
import type { DatabaseConfig } from "../config.js";
import { AppError } from "../errors.js";
import { type Dialect, migrations } from "./migrations/index.js";
import type { DB } from "./schema.js";

/** The dialect seam: the only module that knows which database runs. */
export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Kysely prepares every query afresh; preparing cost as much as running the query for a page's
 * look-ups. Statements are reused by SQL text (bounded). Safe: better-sqlite3 runs a statement
 * synchronously to completion, and re-prepares it itself after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= 1000) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

const sqliteHandles = new WeakMap<Kysely<DB>, SQLite.Database>();

/**
 * The better-sqlite3 handle behind a Kysely instance on SQLite (undefined on PostgreSQL), for the
 * few hot reads that run a precompiled statement directly (src/db/prepared.ts).
 */
export function sqliteHandleOf(db: Kysely<DB>): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

export function openDatabase(config: DatabaseConfig): Database {
  if (config.dialect === "sqlite") {
    if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new SQLite(config.path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    sqliteHandles.set(db, sqlite);
    return { db, dialect: "sqlite", close: () => db.destroy() };
  }
  // PostgreSQL returns bigint and numeric as strings; our counts fit in a JS number.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  const pool = new pg.Pool({ connectionString: config.url, max: 10 });
  // An idle connection closed by the server (a restart, a failover, an administrator) emits an
  // error on the pool; unhandled, it would crash the process. The pool replaces the connection.
  pool.on("error", (error) => {
    process.stderr.write(
      `inci-atlas: PostgreSQL connection lost (${error.message}); reconnecting on demand\n`,
    );
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

/** Run pending migrations under the migrator's lock; several processes may call this at once. */
export async function migrate(database: Database): Promise<void> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations(database.dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new AppError("internal", `Migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}

export async function openMigratedDatabase(config: DatabaseConfig): Promise<Database> {
  const database = openDatabase(config);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
