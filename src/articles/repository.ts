import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB, RevisionTable } from "../db/schema.js";
import { type ArticleContent, contentOfRevision, revisionFacts } from "./fields.js";
import type { ArticleForm } from "./form.js";

/** All SQL of the editing workspace's revisions and drafts. Returns domain objects, never rows. */

type Executor = Kysely<DB> | Transaction<DB>;

export interface RevisionEntry {
  id: number;
  number: number;
  author: string;
  note: string;
  isCorrection: boolean;
  createdAt: string;
  hasArticle: boolean;
}

export interface FullRevision extends RevisionEntry {
  content: ArticleContent;
}

export interface Draft {
  baseRevision: number;
  form: ArticleForm;
  updatedAt: string;
}

/** The published revision's number, 0 when the ingredient has none (imported facts only). */
export async function latestRevisionNumber(db: Executor, ingredientId: number): Promise<number> {
  const row = await db
    .selectFrom("revisions")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("ingredient_id", "=", ingredientId)
    .executeTakeFirst();
  return row?.number === null || row?.number === undefined ? 0 : Number(row.number);
}

/** Newest first. */
export async function listRevisions(db: Executor, ingredientId: number): Promise<RevisionEntry[]> {
  const rows = await db
    .selectFrom("revisions")
    .select(["id", "number", "author", "note", "is_correction", "created_at"])
    .select((eb) => eb.case().when("sections", "is", null).then(0).else(1).end().as("has_article"))
    .where("ingredient_id", "=", ingredientId)
    .orderBy("number", "desc")
    .execute();
  return rows.map((r) => revisionEntry(r, Number(r.has_article) === 1));
}

type RevisionColumns = Pick<
  Selectable<RevisionTable>,
  "id" | "number" | "author" | "note" | "is_correction" | "created_at"
>;

function revisionEntry(r: RevisionColumns, hasArticle: boolean): RevisionEntry {
  return {
    id: r.id,
    number: r.number,
    author: r.author,
    note: r.note,
    isCorrection: r.is_correction === 1,
    createdAt: r.created_at,
    hasArticle,
  };
}

export async function findRevision(
  db: Executor,
  ingredientId: number,
  number: number,
): Promise<FullRevision | null> {
  const r = await db
    .selectFrom("revisions")
    .selectAll()
    .where("ingredient_id", "=", ingredientId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!r) return null;
  return { ...revisionEntry(r, r.sections !== null), content: contentOfRevision(r.facts, r.sections) };
}

export async function insertRevision(
  db: Executor,
  revision: {
    ingredientId: number;
    number: number;
    content: ArticleContent;
    author: string;
    note: string;
    isCorrection: boolean;
    createdAt: string;
  },
): Promise<number> {
  const sections = revision.content.sections;
  const row = await db
    .insertInto("revisions")
    .values({
      ingredient_id: revision.ingredientId,
      number: revision.number,
      facts: revisionFacts(revision.content),
      sections: Object.keys(sections).length > 0 ? JSON.stringify(sections) : null,
      author: revision.author,
      note: revision.note,
      is_correction: revision.isCorrection ? 1 : 0,
      created_at: revision.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findDraft(db: Executor, ingredientId: number, editorId: number): Promise<Draft | null> {
  const row = await db
    .selectFrom("article_drafts")
    .select(["base_revision", "content", "updated_at"])
    .where("ingredient_id", "=", ingredientId)
    .where("editor_id", "=", editorId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    baseRevision: row.base_revision,
    form: JSON.parse(row.content) as ArticleForm,
    updatedAt: row.updated_at,
  };
}

/** One draft per ingredient per editor: saving again replaces it. */
export async function saveDraft(
  db: Executor,
  ingredientId: number,
  editorId: number,
  draft: { baseRevision: number; form: ArticleForm },
  now: string,
): Promise<void> {
  const content = JSON.stringify(draft.form);
  await db
    .insertInto("article_drafts")
    .values({
      ingredient_id: ingredientId,
      editor_id: editorId,
      base_revision: draft.baseRevision,
      content,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(["ingredient_id", "editor_id"])
        .doUpdateSet({ base_revision: draft.baseRevision, content, updated_at: now }),
    )
    .execute();
}

export async function deleteDraft(db: Executor, ingredientId: number, editorId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("article_drafts")
    .where("ingredient_id", "=", ingredientId)
    .where("editor_id", "=", editorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** An editor's drafts, newest first, with the article they belong to. */
export async function listDraftsOf(
  db: Executor,
  editorId: number,
): Promise<Array<{ slug: string; name: string; baseRevision: number; updatedAt: string }>> {
  const rows = await db
    .selectFrom("article_drafts as d")
    .innerJoin("ingredients as i", "i.id", "d.ingredient_id")
    .select(["i.slug", "i.name", "d.base_revision", "d.updated_at"])
    .where("d.editor_id", "=", editorId)
    .orderBy("d.updated_at", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    baseRevision: r.base_revision,
    updatedAt: r.updated_at,
  }));
}
