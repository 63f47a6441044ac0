import { type Kysely, sql } from "kysely";
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

/* The editors' side: the inbox, the per-article totals, and handling (src/feedback/inbox.ts). */

/** A piece of feedback as the inbox shows it: on which article and revision, and how it was handled. */
export interface FeedbackItem {
  id: number;
  ingredientId: number;
  slug: string;
  name: string;
  /** The revision the reader saw; null when it is unknown (the revision was removed). */
  revisionNumber: number | null;
  helpful: boolean;
  comment: string | null;
  createdAt: string;
  handled: {
    at: string;
    by: string;
    note: string;
    correctionRevisionNumber: number | null;
  } | null;
}

export interface FeedbackFilter {
  ingredientId?: number | undefined;
  helpful?: boolean | undefined;
  handled?: boolean | undefined;
}

function filtered(db: Kysely<DB>, filter: FeedbackFilter) {
  let query = db.selectFrom("feedback");
  if (filter.ingredientId !== undefined)
    query = query.where("feedback.ingredient_id", "=", filter.ingredientId);
  if (filter.helpful !== undefined) query = query.where("feedback.helpful", "=", filter.helpful ? 1 : 0);
  if (filter.handled !== undefined) {
    query = query.where("feedback.handled_at", filter.handled ? "is not" : "is", null);
  }
  return query;
}

function selectItems(db: Kysely<DB>, filter: FeedbackFilter) {
  return filtered(db, filter)
    .innerJoin("ingredients", "ingredients.id", "feedback.ingredient_id")
    .leftJoin("revisions as seen", "seen.id", "feedback.revision_id")
    .leftJoin("revisions as fix", "fix.id", "feedback.correction_revision_id")
    .select([
      "feedback.id",
      "feedback.ingredient_id",
      "ingredients.slug",
      "ingredients.name",
      "seen.number as revision_number",
      "feedback.helpful",
      "feedback.comment",
      "feedback.created_at",
      "feedback.handled_at",
      "feedback.handled_by",
      "feedback.handled_note",
      "fix.number as correction_number",
    ]);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>["executeTakeFirstOrThrow"]>>;

function toItem(row: ItemRow): FeedbackItem {
  return {
    id: row.id,
    ingredientId: row.ingredient_id,
    slug: row.slug,
    name: row.name,
    revisionNumber: row.revision_number,
    helpful: row.helpful === 1,
    comment: row.comment,
    createdAt: row.created_at,
    handled:
      row.handled_at === null
        ? null
        : {
            at: row.handled_at,
            by: row.handled_by ?? "",
            note: row.handled_note ?? "",
            correctionRevisionNumber: row.correction_number,
          },
  };
}

/** Newest first, one page at a time, with the total matching the filter. */
export async function listFeedback(
  db: Kysely<DB>,
  filter: FeedbackFilter,
  limit: number,
  offset: number,
): Promise<{ items: FeedbackItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    selectItems(db, filter)
      .orderBy("feedback.created_at", "desc")
      .orderBy("feedback.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toItem), total: Number(count.n) };
}

export async function findFeedback(db: Kysely<DB>, id: number): Promise<FeedbackItem | null> {
  const row = await selectItems(db, {}).where("feedback.id", "=", id).executeTakeFirst();
  return row ? toItem(row) : null;
}

/** Handled (with who, when, the note and the correcting revision) or, with null, not handled. */
export async function setFeedbackHandled(
  db: Kysely<DB>,
  id: number,
  handled: { at: string; by: string; note: string; correctionRevisionId: number | null } | null,
): Promise<void> {
  await db
    .updateTable("feedback")
    .set({
      handled_at: handled?.at ?? null,
      handled_by: handled?.by ?? null,
      handled_note: handled?.note ?? null,
      correction_revision_id: handled?.correctionRevisionId ?? null,
    })
    .where("id", "=", id)
    .execute();
}

/** Feedback counted per article: how many, how many helpful, how many still to handle. */
export interface ArticleFeedbackTotals {
  ingredientId: number;
  slug: string;
  name: string;
  total: number;
  helpful: number;
  unhandled: number;
}

export type TotalsOrder = "least-helpful" | "most-feedback" | "article";

/** One page of per-article totals, and how many articles have feedback at all. */
export async function listFeedbackTotals(
  db: Kysely<DB>,
  order: TotalsOrder,
  limit: number,
  offset: number,
): Promise<{ rows: ArticleFeedbackTotals[]; articles: number }> {
  const total = sql<number>`count(*)`;
  // * 1.0: a fractional ratio on both databases (integer division would make every ratio 0 or 1).
  const ratio = sql<number>`sum(feedback.helpful) * 1.0 / count(*)`;
  let query = db
    .selectFrom("feedback")
    .innerJoin("ingredients", "ingredients.id", "feedback.ingredient_id")
    .select((eb) => [
      "feedback.ingredient_id",
      "ingredients.slug",
      "ingredients.name",
      total.as("total"),
      eb.fn.sum<number>("feedback.helpful").as("helpful"),
      sql<number>`sum(case when feedback.handled_at is null then 1 else 0 end)`.as("unhandled"),
    ])
    .groupBy(["feedback.ingredient_id", "ingredients.slug", "ingredients.name"]);
  if (order === "least-helpful") query = query.orderBy(ratio, "asc").orderBy(total, "desc");
  if (order === "most-feedback") query = query.orderBy(total, "desc").orderBy(ratio, "asc");
  const [rows, count] = await Promise.all([
    query.orderBy("ingredients.slug").limit(limit).offset(offset).execute(),
    db
      .selectFrom("feedback")
      .select((eb) => eb.fn.count("ingredient_id").distinct().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    // PostgreSQL answers count() and sum() as strings.
    rows: rows.map((r) => ({
      ingredientId: r.ingredient_id,
      slug: r.slug,
      name: r.name,
      total: Number(r.total),
      helpful: Number(r.helpful),
      unhandled: Number(r.unhandled),
    })),
    articles: Number(count.n),
  };
}
