import type { Kysely, Migration } from "kysely";
import * as dictionary from "./0001-dictionary.js";
import * as website from "./0002-website.js";
import * as forms from "./0003-forms.js";
import * as editors from "./0004-editors.js";
import * as editing from "./0005-editing.js";
import * as newsletterIssues from "./0006-newsletter-issues.js";

export type Dialect = "sqlite" | "postgres";

/** All migrations in order. Listed statically so that the compiled CLI needs no folder scan. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "0001-dictionary": { up: (db: Kysely<unknown>) => dictionary.up(db, dialect) },
    "0002-website": { up: (db: Kysely<unknown>) => website.up(db, dialect) },
    "0003-forms": { up: (db: Kysely<unknown>) => forms.up(db) },
    "0004-editors": { up: (db: Kysely<unknown>) => editors.up(db, dialect) },
    "0005-editing": { up: (db: Kysely<unknown>) => editing.up(db, dialect) },
    "0006-newsletter-issues": { up: (db: Kysely<unknown>) => newsletterIssues.up(db, dialect) },
  };
}
