import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import type { Annex } from "../ingredients/types.js";
import { type LinkCandidate, linkAnnexRows } from "./annex-link.js";
import type { AnnexRow } from "./annex-parse.js";

export interface AnnexImportReport {
  annex: Annex;
  rows: number;
  /** Links between annex entries and ingredients over all annexes, by how they were made. */
  links: { name: number; cas: number; class: number };
}

const BATCH = 200;

/**
 * Replace the stored entries of one annex with a fresh export (idempotent), then re-link every
 * annex entry to the ingredients by name, CAS and class.
 */
export async function importAnnexRows(db: Kysely<DB>, annex: Annex, rows: readonly AnnexRow[]) {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx): Promise<AnnexImportReport> => {
    await trx.deleteFrom("regulations").where("annex", "=", annex).execute();
    const seen = new Set<string>();
    const unique = rows.filter((r) => {
      const key = `${r.ref}\u0000${r.substance}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    for (let start = 0; start < unique.length; start += BATCH) {
      const values = unique.slice(start, start + BATCH).map((r) => ({
        annex,
        ref: r.ref,
        substance: r.substance,
        cas: JSON.stringify(r.cas),
        ec: JSON.stringify(r.ec),
        identified: JSON.stringify(r.names),
        product_type: r.productType,
        max_concentration: r.maxConcentration,
        max_percent: r.maxPercent,
        conditions: r.conditions,
        warnings: r.warnings,
        regulation: r.regulation,
        source: "annex",
        updated_at: r.updated ?? now,
      }));
      await trx.insertInto("regulations").values(values).execute();
    }
    const links = await relinkRegulations(trx);
    return { annex, rows: unique.length, links };
  });
}

/** Recompute every annex link from the stored annex entries and ingredients. */
export async function relinkRegulations(trx: Transaction<DB> | Kysely<DB>) {
  const stored = await trx.selectFrom("regulations").selectAll().execute();
  const counts = { name: 0, cas: 0, class: 0 };
  await trx.deleteFrom("ingredient_regulations").where("source", "=", "annex").execute();
  if (stored.length === 0) return counts;
  const rows: Array<AnnexRow & { id: number }> = stored.map((r) => ({
    id: r.id,
    line: 0,
    annex: r.annex as Annex,
    ref: r.ref,
    substance: r.substance,
    names: JSON.parse(r.identified) as string[],
    cas: JSON.parse(r.cas) as string[],
    ec: JSON.parse(r.ec) as string[],
    productType: r.product_type,
    maxConcentration: r.max_concentration,
    maxPercent: r.max_percent === null ? null : Number(r.max_percent),
    conditions: r.conditions,
    warnings: r.warnings,
    regulation: r.regulation,
    updated: r.updated_at,
    deleted: false,
  }));
  const links = linkAnnexRows(rows, await linkCandidates(trx));
  const values = new Map<
    string,
    { ingredient_id: number; regulation_id: number; matched_by: string; source: string }
  >();
  for (const link of links) {
    const regulationId = (link.row as AnnexRow & { id: number }).id;
    const key = `${link.ingredientId}:${regulationId}`;
    if (values.has(key)) continue;
    values.set(key, {
      ingredient_id: link.ingredientId,
      regulation_id: regulationId,
      matched_by: link.matchedBy,
      source: "annex",
    });
    counts[link.matchedBy]++;
  }
  const all = [...values.values()];
  for (let start = 0; start < all.length; start += 500) {
    await trx
      .insertInto("ingredient_regulations")
      .values(all.slice(start, start + 500))
      .execute();
  }
  return counts;
}

async function linkCandidates(trx: Transaction<DB> | Kysely<DB>): Promise<LinkCandidate[]> {
  const ingredients = await trx.selectFrom("ingredients").select(["id", "inci", "cas", "facts"]).execute();
  const names = await trx.selectFrom("ingredient_names").select(["ingredient_id", "name", "kind"]).execute();
  const aliases = new Map<number, string[]>();
  for (const n of names) {
    if (n.kind === "inci") continue;
    const list = aliases.get(n.ingredient_id) ?? [];
    list.push(n.name);
    aliases.set(n.ingredient_id, list);
  }
  return ingredients.map((i) => ({
    id: i.id,
    inci: i.inci,
    cas: JSON.parse(i.cas) as string[],
    origin: (JSON.parse(i.facts) as { origin?: string }).origin ?? null,
    aliases: aliases.get(i.id) ?? [],
  }));
}
