import type { Kysely } from "kysely";
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

/** The published (latest) revision of an ingredient's article, or null when it has none. */
export async function findPublishedRevision(db: Kysely<DB>, ingredientId: number): Promise<Revision | null> {
  const row = await db
    .selectFrom("revisions")
    .selectAll()
    .where("ingredient_id", "=", ingredientId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
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
