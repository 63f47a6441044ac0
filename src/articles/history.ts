import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { diffContents } from "./diff.js";
import { type Published, publishArticle } from "./publish.js";
import { findRevision } from "./repository.js";
import type { Editing, Who } from "./service.js";

/** The history use-cases: compare two revisions, restore an old one. */

/** Publish an old revision's content again, as a new revision. */
export async function restoreRevision(
  db: Kysely<DB>,
  editing: Editing,
  who: Who,
  number: number,
  base: number,
  now = new Date(),
): Promise<Published> {
  const old = await findRevision(db, editing.row.id, number);
  if (!old) throw new AppError("not_found", `This article has no revision ${number}.`);
  const content = { ...old.content, inci: editing.row.inci };
  return publishArticle(
    db,
    {
      ingredientId: editing.row.id,
      base,
      content,
      author: who.email,
      note: `Restored revision ${number}`,
      isCorrection: false,
      action: "article.restored",
      detail: { restored: number },
    },
    now,
  );
}

/** Two revisions of one article, for the side-by-side diff. */
export async function compareRevisions(db: Kysely<DB>, ingredientId: number, from: number, to: number) {
  const [a, b] = await Promise.all([
    findRevision(db, ingredientId, from),
    findRevision(db, ingredientId, to),
  ]);
  if (!a || !b) throw new AppError("not_found", "No such revision.");
  return { from: a, to: b, changes: diffContents(a.content, b.content) };
}
