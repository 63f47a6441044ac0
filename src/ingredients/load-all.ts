import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import { maxPercentOf } from "../importers/annex-fields.js";
import { type IngredientRow, selectIngredientRows, toIngredientRow } from "./repository.js";
import type { Alias, AliasKind, Annex, Ingredient, RegulationEntry } from "./types.js";

/** The SQL that reads every ingredient at once, for the in-memory dictionary. */

type Executor = Kysely<DB> | Transaction<DB>;

/** Every ingredient with its names and EU annex links, for the in-memory dictionary. */
export async function loadAllIngredients(db: Executor): Promise<Ingredient[]> {
  const rows = await selectIngredientRows(db).orderBy("id").execute();
  const names = await db.selectFrom("ingredient_names").select(["ingredient_id", "name", "kind"]).execute();
  const aliases = new Map<number, Alias[]>();
  for (const n of names) {
    if (n.kind === "inci") continue;
    const list = aliases.get(n.ingredient_id) ?? [];
    list.push({ name: n.name, kind: n.kind as AliasKind });
    aliases.set(n.ingredient_id, list);
  }
  const regulations = await loadRegulationLinks(db);
  return rows.map((raw) => {
    const row = toIngredientRow(raw);
    return toIngredient(row, aliases.get(row.id) ?? [], regulations.get(row.id) ?? []);
  });
}

async function loadRegulationLinks(db: Executor): Promise<Map<number, RegulationEntry[]>> {
  const links = await db
    .selectFrom("ingredient_regulations as l")
    .innerJoin("regulations as r", "r.id", "l.regulation_id")
    .select([
      "l.ingredient_id",
      "l.matched_by",
      "r.annex",
      "r.ref",
      "r.substance",
      "r.product_type",
      "r.max_concentration",
      "r.max_percent",
      "r.conditions",
      "r.warnings",
      "r.regulation",
    ])
    .orderBy("r.id")
    .execute();
  const byIngredient = new Map<number, RegulationEntry[]>();
  for (const l of links) {
    const list = byIngredient.get(l.ingredient_id) ?? [];
    list.push({
      annex: l.annex as Annex,
      ref: l.ref,
      substance: l.substance,
      productType: l.product_type,
      maxConcentration: l.max_concentration,
      maxPercent: l.max_percent === null ? null : Number(l.max_percent),
      conditions: l.conditions,
      warnings: l.warnings,
      regulation: l.regulation,
      matchedBy: l.matched_by as RegulationEntry["matchedBy"],
    });
    byIngredient.set(l.ingredient_id, list);
  }
  return byIngredient;
}

/** Row + names + links -> the domain object. Authored EU statuses fill in when no annex is imported. */
function toIngredient(row: IngredientRow, aliases: Alias[], linked: RegulationEntry[]): Ingredient {
  const f = row.facts;
  const regulations = [...linked];
  for (const eu of f.eu ?? []) {
    if (regulations.some((r) => r.annex === eu.annex && r.ref === eu.ref)) continue;
    regulations.push({
      annex: eu.annex,
      ref: eu.ref,
      substance: eu.substance,
      productType: null,
      maxConcentration: eu.maxConcentration,
      maxPercent: maxPercentOf(eu.maxConcentration, eu.annex),
      conditions: eu.conditions,
      warnings: null,
      regulation: eu.regulation,
      matchedBy: "corpus",
    });
  }
  return {
    id: row.id,
    slug: row.slug,
    inci: row.inci,
    name: row.name,
    aliases,
    cas: row.cas,
    ec: row.ec,
    functions: row.functions,
    origin: f.origin ?? null,
    vegan: f.vegan ?? null,
    vegetarian: f.vegetarian ?? null,
    categories: f.categories ?? [],
    comedogenic: f.comedogenic ?? null,
    irritancy: f.irritancy ?? null,
    fungalAcne: f.fungalAcne ?? null,
    pregnancy: f.pregnancy ?? null,
    photosensitising: f.photosensitising ?? null,
    allergens: f.allergens ?? [],
    productTypes: f.productTypes ?? [],
    related: f.related ?? [],
    sources: f.sources ?? [],
    reviewed: f.reviewed ?? null,
    summary: f.summary ?? null,
    source: row.source,
    regulations,
    hasArticle: row.hasArticle,
  };
}
