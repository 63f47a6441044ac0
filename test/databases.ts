import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "node:test";
import pg from "pg";
import type { DatabaseConfig } from "../src/config.js";
import { type Database, openMigratedDatabase } from "../src/db/database.js";

/**
 * The integration suite runs on SQLite always, and on PostgreSQL when TEST_POSTGRES_URL is set
 * (each suite gets a throwaway database on that server). Without it the PostgreSQL suites are
 * reported as skipped, by name.
 */
const POSTGRES_URL = process.env.TEST_POSTGRES_URL;

export interface TestDatabase {
  config: DatabaseConfig;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `inci_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL as string);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { dialect: "postgres", url: url.toString() };
  return {
    config,
    open: () => openMigratedDatabase(config),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "inci-atlas-test-"));
  const config: DatabaseConfig = { dialect: "sqlite", path: join(dir, "test.db") };
  return {
    config,
    open: () => openMigratedDatabase(config),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Declare the same suite once per database. */
export function describeEachDatabase(
  title: string,
  suite: (make: () => Promise<TestDatabase>) => void,
): void {
  describe(`${title} [sqlite]`, () => suite(async () => createSqliteDatabase()));
  describe(`${title} [postgres]`, { skip: POSTGRES_URL ? false : "TEST_POSTGRES_URL is not set" }, () =>
    suite(createPostgresDatabase),
  );
}
