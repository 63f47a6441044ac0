import type { Kysely, Migration } from "kysely";
import * as dictionary from "./0001-dictionary.js";
import * as website from "./0002-website.js";

export type Dialect = "sqlite" | "postgres";

/** All migrations in order. Listed statically so that the compiled CLI needs no folder scan. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "0001-dictionary": { up: (db: Kysely<unknown>) => dictionary.up(db, dialect) },
    "0002-website": { up: (db: Kysely<unknown>) => website.up(db, dialect) },
  };
}
