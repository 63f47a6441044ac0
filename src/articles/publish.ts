import type { Kysely, Transaction } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import {
  deleteAuthoredAliases,
  findIngredientRowById,
  type IngredientRow,
  replaceNames,
} from "../ingredients/repository.js";
import { recordContentChange } from "../search/content-sync.js";
import { type ArticleContent, changedFields, markFields } from "./fields.js";
import { insertRevision, latestRevisionNumber } from "./repository.js";
import { loadStoredContent, storedColumns } from "./stored.js";

/**
 * Publishing: one transaction that checks the editor started from the published revision, writes
 * the ingredient's stored content (marking each changed field as owned by its new owner), adds an
 * immutable revision, records the content change every instance polls, and audits.
 */

export interface PublishRequest {
  ingredientId: number;
  /** The revision the editor started from (0: none). Anything else published since: refused. */
  base: number;
  content: ArticleContent;
  author: string;
  note: string;
  isCorrection: boolean;
  /** The audit action: article.published, article.created, article.restored, corpus_conflict.taken. */
  action: string;
  /** Who owns the changed fields afterwards: an editor, or (taking a corpus version) the corpus again. */
  owner?: "editor" | "corpus";
  detail?: Record<string, unknown>;
  /** More work in the same transaction (resolve a conflict, drop the editor's draft). */
  within?: (trx: Transaction<DB>) => Promise<void>;
}

export interface Published {
  number: number;
  revisionId: number;
  changed: string[];
}

export function staleError(current: number): AppError {
  return new AppError(
    "stale_revision",
    `Revision ${current} was published after the one you started from: your change was not saved.`,
  );
}

/** A unique index refused the revision number: another publish of this article won the race. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export async function publishArticle(
  db: Kysely<DB>,
  request: PublishRequest,
  now = new Date(),
): Promise<Published> {
  try {
    return await db.transaction().execute((trx) => publishIn(trx, request, now));
  } catch (error) {
    if (isUniqueViolation(error)) throw staleError(request.base + 1);
    throw error;
  }
}

async function publishIn(trx: Transaction<DB>, request: PublishRequest, now: Date): Promise<Published> {
  const { ingredientId: id, content } = request;
  const current = await latestRevisionNumber(trx, id);
  if (current !== request.base) throw staleError(current);
  const row = await findIngredientRowById(trx, id);
  if (!row) throw new AppError("not_found", "No such ingredient.");
  const changed = changedFields(await loadStoredContent(trx, row), content);
  if (changed.length === 0) {
    throw new AppError(
      "nothing_to_publish",
      "Nothing changed: the article is the same as the published one.",
    );
  }
  await writeContent(trx, row, content, changed, request.owner ?? "editor", now);
  const number = current + 1;
  const revisionId = await insertRevision(trx, {
    ingredientId: id,
    number,
    content,
    author: request.author,
    note: request.note,
    isCorrection: request.isCorrection,
    createdAt: now.toISOString(),
  });
  await recordContentChange(trx, [id], now);
  const { note, isCorrection: correction } = request;
  const detail = { revision: number, note, correction, fields: changed, ...request.detail };
  const target = `ingredient:${row.slug}`;
  await recordAudit(trx, { actor: request.author, action: request.action, target, detail }, now);
  await request.within?.(trx);
  return { number, revisionId, changed };
}

/** The ingredient's stored content (what readers and the dictionary see), each changed field marked with its owner. */
async function writeContent(
  trx: Transaction<DB>,
  row: IngredientRow,
  content: ArticleContent,
  changed: string[],
  owner: "editor" | "corpus",
  now: Date,
): Promise<void> {
  await trx
    .updateTable("ingredients")
    .set({
      ...storedColumns(content),
      field_sources: JSON.stringify(markFields(row.fieldSources, changed, owner)),
      // An imported-only ingredient an editor wrote up is authored now: imports fill only its gaps.
      source: row.source === "cosing" ? "editor" : row.source,
      updated_at: now.toISOString(),
    })
    .where("id", "=", row.id)
    .execute();
  if (!changed.includes("aliases")) return;
  await deleteAuthoredAliases(trx, row.id);
  const names = content.aliases.map((a) => ({ name: a.name, kind: a.kind, source: owner }));
  await replaceNames(trx, row.id, owner, names);
}
