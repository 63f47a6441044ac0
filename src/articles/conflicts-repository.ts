import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { canonical } from "./fields.js";
import type { FieldConflict } from "./merge.js";

/** All SQL of corpus-reload conflicts and of the corpus baselines they are computed against. */

type Executor = Kysely<DB> | Transaction<DB>;

export interface PendingConflict {
  id: number;
  ingredientId: number;
  slug: string;
  name: string;
  field: string;
  corpusValue: unknown;
  detectedAt: string;
}

/** Record conflicts found by a reload; a newer corpus version of a pending field replaces the old one. */
export async function recordConflicts(
  db: Executor,
  ingredientId: number,
  conflicts: readonly FieldConflict[],
  now: string,
): Promise<void> {
  for (const conflict of conflicts) {
    await db
      .deleteFrom("corpus_conflicts")
      .where("ingredient_id", "=", ingredientId)
      .where("field", "=", conflict.field)
      .where("resolved_at", "is", null)
      .execute();
    await db
      .insertInto("corpus_conflicts")
      .values({
        ingredient_id: ingredientId,
        field: conflict.field,
        corpus_value: canonical(conflict.corpusValue ?? null),
        detected_at: now,
        resolved_at: null,
        resolved_by: null,
        resolution: null,
      })
      .execute();
  }
}

function pendingQuery(db: Executor) {
  return db
    .selectFrom("corpus_conflicts as c")
    .innerJoin("ingredients as i", "i.id", "c.ingredient_id")
    .select(["c.id", "c.ingredient_id", "i.slug", "i.name", "c.field", "c.corpus_value", "c.detected_at"])
    .where("c.resolved_at", "is", null);
}

type PendingRow = Awaited<ReturnType<ReturnType<typeof pendingQuery>["executeTakeFirstOrThrow"]>>;

function toConflict(r: PendingRow): PendingConflict {
  return {
    id: r.id,
    ingredientId: r.ingredient_id,
    slug: r.slug,
    name: r.name,
    field: r.field,
    corpusValue: JSON.parse(r.corpus_value) as unknown,
    detectedAt: r.detected_at,
  };
}

/** Pending conflicts, by article then field. */
export async function listPendingConflicts(db: Executor, limit = 500): Promise<PendingConflict[]> {
  const rows = await pendingQuery(db).orderBy("i.slug").orderBy("c.id").limit(limit).execute();
  return rows.map(toConflict);
}

export async function findPendingConflict(db: Executor, id: number): Promise<PendingConflict | null> {
  const row = await pendingQuery(db).where("c.id", "=", id).executeTakeFirst();
  return row ? toConflict(row) : null;
}

export async function countPendingConflicts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("corpus_conflicts")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Mark a conflict resolved; false when it was no longer pending (someone else resolved it). */
export async function resolveConflict(
  db: Executor,
  id: number,
  resolution: "kept" | "taken",
  by: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable("corpus_conflicts")
    .set({ resolved_at: now, resolved_by: by, resolution })
    .where("id", "=", id)
    .where("resolved_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findBaseline(
  db: Executor,
  ingredientId: number,
): Promise<Record<string, string> | null> {
  const row = await db
    .selectFrom("corpus_baselines")
    .select("hashes")
    .where("ingredient_id", "=", ingredientId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.hashes) as Record<string, string>) : null;
}

export async function saveBaselines(
  db: Executor,
  rows: ReadonlyArray<{ ingredientId: number; hashes: Record<string, string> }>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    await db
      .insertInto("corpus_baselines")
      .values(chunk.map((r) => ({ ingredient_id: r.ingredientId, hashes: JSON.stringify(r.hashes) })))
      .onConflict((oc) =>
        oc.column("ingredient_id").doUpdateSet((eb) => ({ hashes: eb.ref("excluded.hashes") })),
      )
      .execute();
  }
}
