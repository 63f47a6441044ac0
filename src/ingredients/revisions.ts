import type { Kysely } from "kysely";
import { preparedQuery } from "../db/prepared.js";
import type { DB } from "../db/schema.js";

/** A published revision of an article: immutable once written. */
export interface Revision {
  id: number;
  ingredientId: number;
  number: number;
  sections: Record<string, string> | null;
  author: string;
  note: string;
  isCorrection: boolean;
  createdAt: string;
}

// Read on every article page: compiled once (src/db/prepared.ts).
const latestRevision = preparedQuery(1, (db, ingredientId: number) =>
  db
    .selectFrom("revisions")
    // Not the facts snapshot (1.7 KB a row): the page reads the facts from the dictionary.
    .select(["id", "ingredient_id", "number", "sections", "author", "note", "is_correction", "created_at"])
    .where("ingredient_id", "=", ingredientId)
    .orderBy("number", "desc")
    .limit(1),
);

/** The published (latest) revision of an ingredient's article, or null when it has none. */
export async function findPublishedRevision(db: Kysely<DB>, ingredientId: number): Promise<Revision | null> {
  const [row] = await latestRevision(db, ingredientId);
  if (!row) return null;
  return {
    id: row.id,
    ingredientId: row.ingredient_id,
    number: row.number,
    sections: row.sections ? (JSON.parse(row.sections) as Record<string, string>) : null,
    author: row.author,
    note: row.note,
    isCorrection: row.is_correction === 1,
    createdAt: row.created_at,
  };
}

/** Slugs and dates of the most recently published revisions, newest first (home page, feed, sitemap). */
export async function listRecentlyUpdated(
  db: Kysely<DB>,
  limit: number,
): Promise<Array<{ ingredientId: number; createdAt: string; note: string }>> {
  const rows = await db
    .selectFrom("revisions")
    .select(["ingredient_id", "created_at", "note", "id"])
    .where("sections", "is not", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ingredientId: r.ingredient_id, createdAt: r.created_at, note: r.note }));
}

/** A published revision as the feed lists it: which article, which revision, when, and why. */
export interface RevisionSummary {
  id: number;
  ingredientId: number;
  number: number;
  note: string;
  isCorrection: boolean;
  createdAt: string;
}

/** The most recent revisions of articles (not of facts-only entries), newest first (the Atom feed). */
export async function listRecentRevisions(db: Kysely<DB>, limit: number): Promise<RevisionSummary[]> {
  const rows = await db
    .selectFrom("revisions")
    .select(["id", "ingredient_id", "number", "note", "is_correction", "created_at"])
    .where("sections", "is not", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ingredientId: r.ingredient_id,
    number: r.number,
    note: r.note,
    isCorrection: r.is_correction === 1,
    createdAt: r.created_at,
  }));
}

/** ingredient id -> date of its latest revision, for every ingredient that has one (the sitemap's lastmod). */
export async function listLatestRevisionDates(db: Kysely<DB>): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom("revisions")
    .select(["ingredient_id", (eb) => eb.fn.max("created_at").as("created_at")])
    .groupBy("ingredient_id")
    .execute();
  return new Map(rows.map((r) => [r.ingredient_id, String(r.created_at)]));
}
