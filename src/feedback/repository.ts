import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** All SQL of reader feedback as it arrives (the editors' side reads and handles it). */
export interface NewFeedback {
  ingredientId: number;
  revisionId: number | null;
  helpful: boolean;
  comment: string | null;
}

export async function insertFeedback(db: Kysely<DB>, feedback: NewFeedback, now: Date): Promise<number> {
  const row = await db
    .insertInto("feedback")
    .values({
      ingredient_id: feedback.ingredientId,
      revision_id: feedback.revisionId,
      helpful: feedback.helpful ? 1 : 0,
      comment: feedback.comment,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of an article's revision by its number, or null when the article has no such revision. */
export async function findRevisionId(
  db: Kysely<DB>,
  ingredientId: number,
  number: number,
): Promise<number | null> {
  const row = await db
    .selectFrom("revisions")
    .select("id")
    .where("ingredient_id", "=", ingredientId)
    .where("number", "=", number)
    .executeTakeFirst();
  return row?.id ?? null;
}
