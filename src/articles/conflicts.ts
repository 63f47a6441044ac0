import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { findIngredientRowById } from "../ingredients/repository.js";
import { findPendingConflict, type PendingConflict, resolveConflict } from "./conflicts-repository.js";
import { fieldLabel, withField } from "./fields.js";
import { type Published, publishArticle } from "./publish.js";
import { latestRevisionNumber } from "./repository.js";
import { loadStoredContent } from "./stored.js";

/**
 * Resolving what a corpus reload could not apply: keep the editor's version (the conflict is
 * dismissed), or take the corpus version (published as a new revision, the field handed back to
 * the corpus so later upgrades apply to it again).
 */

async function pending(db: Kysely<DB>, id: number): Promise<PendingConflict> {
  const conflict = await findPendingConflict(db, id);
  if (!conflict) throw new AppError("not_found", "This conflict is resolved already, or does not exist.");
  return conflict;
}

export async function keepEditorVersion(
  db: Kysely<DB>,
  id: number,
  actor: string,
  now = new Date(),
): Promise<void> {
  const conflict = await pending(db, id);
  await db.transaction().execute(async (trx) => {
    if (!(await resolveConflict(trx, id, "kept", actor, now.toISOString()))) return;
    await recordAudit(
      trx,
      {
        actor,
        action: "corpus_conflict.kept",
        target: `ingredient:${conflict.slug}`,
        detail: { field: conflict.field },
      },
      now,
    );
  });
}

export async function takeCorpusVersion(
  db: Kysely<DB>,
  id: number,
  actor: string,
  now = new Date(),
): Promise<Published | null> {
  const conflict = await pending(db, id);
  const row = await findIngredientRowById(db, conflict.ingredientId);
  if (!row) throw new AppError("not_found", "No such ingredient.");
  const stored = await loadStoredContent(db, row);
  const content = withField(stored, conflict.field, conflict.corpusValue);
  const resolve = async (trx: Kysely<DB>) => {
    if (!(await resolveConflict(trx, id, "taken", actor, now.toISOString()))) {
      throw new AppError("not_found", "This conflict was resolved meanwhile.");
    }
  };
  try {
    return await publishArticle(
      db,
      {
        ingredientId: row.id,
        base: await latestRevisionNumber(db, row.id),
        content,
        author: actor,
        note: `Took the bundled corpus version of ${fieldLabel(conflict.field).toLowerCase()}`,
        isCorrection: false,
        action: "corpus_conflict.taken",
        owner: "corpus",
        detail: { field: conflict.field },
        within: resolve,
      },
      now,
    );
  } catch (error) {
    // The stored text already equals the corpus version: nothing to publish, only to close.
    if (!(error instanceof AppError) || error.code !== "nothing_to_publish") throw error;
    await keepEditorVersion(db, id, actor, now);
    return null;
  }
}
