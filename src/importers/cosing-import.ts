import type { Kysely, Transaction } from "kysely";
import { nameKey, titleCase } from "../analyzer/normalize.js";
import type { DB } from "../db/schema.js";
import { slugify } from "../ingredients/slug.js";
import type { CosingRow } from "./cosing-parse.js";

export interface CosingImportReport {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows that matched an authored (corpus or editor) ingredient: only its empty fields were filled. */
  enriched: number;
}

interface Existing {
  id: number;
  source: string;
  cas: string;
  ec: string;
  functions: string;
  description: string | null;
  inventory: string | null;
  fieldSources: Record<string, string>;
}

const BATCH = 400;

/**
 * Store parsed CosIng rows. Idempotent: a second import of the same file changes nothing.
 * Never overwrites authored facts: for a corpus or editor entry the CosIng record is kept beside
 * it (to report disagreements) and only empty fields are filled.
 */
export async function importCosingRows(
  db: Kysely<DB>,
  rows: readonly CosingRow[],
): Promise<CosingImportReport> {
  const report: CosingImportReport = {
    rows: rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    enriched: 0,
  };
  await db.transaction().execute(async (trx) => {
    const byKey = await existingByKey(trx);
    const slugs = new Set((await trx.selectFrom("ingredients").select("slug").execute()).map((r) => r.slug));
    const fresh: CosingRow[] = [];
    const freshKeys = new Set<string>();
    for (const row of rows) {
      const key = nameKey(row.inci);
      const existing = byKey.get(key);
      if (existing) await updateExisting(trx, existing, row, report);
      else if (freshKeys.has(key)) report.unchanged++;
      else {
        freshKeys.add(key);
        fresh.push(row);
      }
    }
    await insertFresh(trx, fresh, slugs);
    report.inserted = fresh.length;
  });
  return report;
}

async function existingByKey(trx: Transaction<DB>): Promise<Map<string, Existing>> {
  const rows = await trx
    .selectFrom("ingredient_names as n")
    .innerJoin("ingredients as i", "i.id", "n.ingredient_id")
    .select(["n.key", "i.id", "i.source", "i.cas", "i.ec", "i.functions", "i.description", "i.inventory"])
    .select("i.field_sources")
    .execute();
  const map = new Map<string, Existing>();
  for (const r of rows) {
    map.set(r.key, { ...r, fieldSources: JSON.parse(r.field_sources) as Record<string, string> });
  }
  return map;
}

function inventoryOf(row: CosingRow): string {
  return JSON.stringify({
    inci: row.inci,
    cas: row.cas,
    ec: row.ec,
    functions: row.functions,
    restrictions: row.restrictions,
    updated: row.updated,
  });
}

async function updateExisting(
  trx: Transaction<DB>,
  existing: Existing,
  row: CosingRow,
  report: CosingImportReport,
): Promise<void> {
  const inventory = inventoryOf(row);
  if (existing.source !== "cosing") {
    // Authored entry: fill only what is empty, and remember the CosIng record beside it.
    const fill: Record<string, string> = {};
    const sources = { ...existing.fieldSources };
    for (const field of ["cas", "ec", "functions"] as const) {
      if (existing[field] === "[]" && row[field].length > 0) {
        fill[field] = JSON.stringify(row[field]);
        sources[field] = "cosing";
      }
    }
    const description = existing.description ?? row.description;
    if (
      Object.keys(fill).length === 0 &&
      existing.inventory === inventory &&
      description === existing.description
    ) {
      report.unchanged++;
      return;
    }
    await trx
      .updateTable("ingredients")
      .set({ ...fill, description, inventory, field_sources: JSON.stringify(sources) })
      .where("id", "=", existing.id)
      .execute();
    existing.inventory = inventory;
    report.enriched++;
    return;
  }
  const values = {
    cas: JSON.stringify(row.cas),
    ec: JSON.stringify(row.ec),
    functions: JSON.stringify(row.functions),
    description: row.description ?? existing.description,
    inventory,
  };
  if (
    values.cas === existing.cas &&
    values.ec === existing.ec &&
    values.functions === existing.functions &&
    values.description === existing.description &&
    values.inventory === existing.inventory
  ) {
    report.unchanged++;
    return;
  }
  await trx
    .updateTable("ingredients")
    .set({ ...values, updated_at: new Date().toISOString() })
    .where("id", "=", existing.id)
    .execute();
  Object.assign(existing, values);
  report.updated++;
}

async function insertFresh(trx: Transaction<DB>, rows: CosingRow[], slugs: Set<string>): Promise<void> {
  const now = new Date().toISOString();
  const fieldSources = JSON.stringify({ name: "cosing", cas: "cosing", ec: "cosing", functions: "cosing" });
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const inserted = await trx
      .insertInto("ingredients")
      .values(
        batch.map((row) => ({
          slug: uniqueSlug(slugify(row.inci) || "ingredient", slugs),
          inci: row.inci,
          name: titleCase(row.inci),
          cas: JSON.stringify(row.cas),
          ec: JSON.stringify(row.ec),
          functions: JSON.stringify(row.functions),
          facts: "{}",
          sections: null,
          description: row.description,
          inventory: inventoryOf(row),
          source: "cosing",
          field_sources: fieldSources,
          content_hash: null,
          updated_at: now,
        })),
      )
      .returning(["id", "inci"])
      .execute();
    await trx
      .insertInto("ingredient_names")
      .values(
        inserted.map((r) => ({
          ingredient_id: r.id,
          name: r.inci,
          key: nameKey(r.inci),
          kind: "inci",
          source: "cosing",
        })),
      )
      .execute();
  }
}

/** Two INCI names can share a slug ("PEG-8" and "PEG 8"): the later one gets a numbered suffix. */
function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
