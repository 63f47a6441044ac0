import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { findIngredientRowBySlug, type IngredientRow } from "../ingredients/repository.js";
import { diffContents, type FieldChange } from "./diff.js";
import type { ArticleContent } from "./fields.js";
import type { ArticleForm } from "./form.js";
import { entryOfForm, formOfContent } from "./form-content.js";
import { type Published, publishArticle, staleError } from "./publish.js";
import {
  type Draft,
  deleteDraft,
  findDraft,
  findRevision,
  latestRevisionNumber,
  saveDraft,
} from "./repository.js";
import { contentOfEntry, type FlatEntry, loadStoredContent } from "./stored.js";

/** The editing use-cases: open the editor, save a draft, publish, refuse a stale edit with its diff. */

export interface Editing {
  row: IngredientRow;
  /** The published content, as stored. */
  current: ArticleContent;
  /** The published revision's number (0: none yet). */
  published: number;
  draft: Draft | null;
}

export interface Who {
  id: number;
  email: string;
}

export async function openEditing(db: Kysely<DB>, slug: string, editorId: number): Promise<Editing> {
  const row = await findIngredientRowBySlug(db, slug);
  if (!row) throw new AppError("not_found", "We have no ingredient at this address.");
  const [current, published, draft] = await Promise.all([
    loadStoredContent(db, row),
    latestRevisionNumber(db, row.id),
    findDraft(db, row.id, editorId),
  ]);
  return { row, current, published, draft };
}

/** What the form shows on opening: the editor's draft if they left one, else the published article. */
export function initialForm(editing: Editing): { form: ArticleForm; base: number } {
  if (editing.draft) return { form: editing.draft.form, base: editing.draft.baseRevision };
  return { form: formOfContent(editing.current), base: editing.published };
}

/** The three versions of a refused stale edit, compared: what was published since, and what the editor changed. */
export interface StaleEdit {
  base: number;
  current: number;
  sinceBase: FieldChange[];
  yours: FieldChange[];
}

/** The form as content without validation (an invalid draft can still be compared). */
export function looseContent(form: ArticleForm, current: ArticleContent): ArticleContent {
  const sections = Object.fromEntries(Object.entries(form.sections).filter(([, t]) => t !== ""));
  return contentOfEntry(entryOfForm(form, current) as FlatEntry, sections);
}

export async function staleEdit(
  db: Kysely<DB>,
  editing: Editing,
  base: number,
  yours: ArticleContent,
): Promise<StaleEdit> {
  const published = await findRevision(db, editing.row.id, editing.published);
  const current = published?.content ?? editing.current;
  const original = base > 0 ? await findRevision(db, editing.row.id, base) : null;
  return {
    base,
    current: editing.published,
    sinceBase: original ? diffContents(original.content, current) : [],
    yours: diffContents(current, yours),
  };
}

export function isStale(editing: Editing, base: number): boolean {
  return base !== editing.published;
}

/**
 * Drafts are per editor (one per ingredient per editor), not shared: two editors' unfinished work
 * never overwrites each other, and the one place their versions meet is publishing, where the
 * stale-revision check shows each the other's change. A draft may be incomplete (a new article
 * is written over several sittings): only publishing must pass the corpus check.
 */
export async function saveArticleDraft(
  db: Kysely<DB>,
  editing: Editing,
  who: Who,
  base: number,
  form: ArticleForm,
  now = new Date(),
): Promise<void> {
  if (isStale(editing, base)) throw staleError(editing.published);
  await db.transaction().execute(async (trx) => {
    await saveDraft(trx, editing.row.id, who.id, { baseRevision: base, form }, now.toISOString());
    const target = `ingredient:${editing.row.slug}`;
    await recordAudit(
      trx,
      { actor: who.email, action: "article.draft_saved", target, detail: { base } },
      now,
    );
  });
}

export async function discardDraft(
  db: Kysely<DB>,
  editing: Editing,
  who: Who,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteDraft(trx, editing.row.id, who.id))) return;
    const target = `ingredient:${editing.row.slug}`;
    await recordAudit(trx, { actor: who.email, action: "article.draft_discarded", target }, now);
  });
}

/** Publish an editor's validated content; their draft of the article goes with it. */
export function publishEdit(
  db: Kysely<DB>,
  editing: Editing,
  who: Who,
  input: { base: number; content: ArticleContent; note: string; isCorrection: boolean },
  now = new Date(),
): Promise<Published> {
  const created =
    Object.keys(editing.current.sections).length === 0 && Object.keys(input.content.sections).length > 0;
  return publishArticle(
    db,
    {
      ingredientId: editing.row.id,
      base: input.base,
      content: input.content,
      author: who.email,
      note: input.note,
      isCorrection: input.isCorrection,
      action: created ? "article.created" : "article.published",
      within: async (trx) => {
        await deleteDraft(trx, editing.row.id, who.id);
      },
    },
    now,
  );
}
