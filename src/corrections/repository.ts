import type { Kysely } from "kysely";
import { preparedQuery } from "../db/prepared.js";
import type { DB } from "../db/schema.js";

/** The SQL of the corrections log: published revisions marked as corrections. */

export interface Correction {
  ingredientId: number;
  slug: string;
  name: string;
  number: number;
  /** What changed and why, as the editor wrote it. */
  note: string;
  createdAt: string;
}

/** Every correction, newest first, one page at a time, with the total. */
export async function listCorrections(
  db: Kysely<DB>,
  limit: number,
  offset: number,
): Promise<{ corrections: Correction[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom("revisions as r")
      .innerJoin("ingredients as i", "i.id", "r.ingredient_id")
      .select(["r.ingredient_id", "i.slug", "i.name", "r.number", "r.note", "r.created_at"])
      .where("r.is_correction", "=", 1)
      .orderBy("r.created_at", "desc")
      .orderBy("r.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom("revisions")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("is_correction", "=", 1)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    corrections: rows.map((r) => ({
      ingredientId: r.ingredient_id,
      slug: r.slug,
      name: r.name,
      number: r.number,
      note: r.note,
      createdAt: r.created_at,
    })),
    total: Number(count.n),
  };
}

// Read on every article page: compiled once (src/db/prepared.ts).
const articleCorrections = preparedQuery(1, (db, ingredientId: number) =>
  db
    .selectFrom("revisions")
    .select(["number", "note", "created_at"])
    .where("ingredient_id", "=", ingredientId)
    .where("is_correction", "=", 1)
    .orderBy("number", "desc")
    .limit(50),
);

/** One article's corrections, newest first (the list on its page). */
export async function listArticleCorrections(
  db: Kysely<DB>,
  ingredientId: number,
): Promise<Array<{ number: number; note: string; createdAt: string }>> {
  const rows = await articleCorrections(db, ingredientId);
  return rows.map((r) => ({ number: r.number, note: r.note, createdAt: r.created_at }));
}
