import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { nameKey } from "../analyzer/normalize.js";
import type { DB, IngredientTable } from "../db/schema.js";
import type { Alias, AliasKind, Annex, FactSource, Ingredient } from "./types.js";

/** All SQL about ingredients and their names. Returns domain objects, never rows. */

type Executor = Kysely<DB> | Transaction<DB>;

/** Facts stored in the `facts` JSON column (everything beyond identity, names and CosIng columns). */
export interface StoredFacts {
  origin?: Ingredient["origin"];
  vegan?: boolean | null;
  vegetarian?: boolean | null;
  categories?: Ingredient["categories"];
  comedogenic?: Ingredient["comedogenic"];
  irritancy?: Ingredient["irritancy"];
  fungalAcne?: Ingredient["fungalAcne"];
  pregnancy?: Ingredient["pregnancy"];
  photosensitising?: Ingredient["photosensitising"];
  allergens?: string[];
  productTypes?: string[];
  related?: string[];
  sources?: string[];
  reviewed?: string | null;
  summary?: string | null;
  eu?: Array<{
    annex: Annex;
    ref: string;
    substance: string;
    maxConcentration: string | null;
    conditions: string | null;
    regulation: string | null;
  }>;
}

export interface IngredientRow {
  id: number;
  slug: string;
  inci: string;
  name: string;
  cas: string[];
  ec: string[];
  functions: string[];
  facts: StoredFacts;
  source: FactSource;
  fieldSources: Record<string, FactSource>;
  contentHash: string | null;
  hasArticle: boolean;
}

export interface NameRow {
  name: string;
  kind: AliasKind | "inci";
  source: FactSource;
}

const INGREDIENT_COLUMNS = [
  "id",
  "slug",
  "inci",
  "name",
  "cas",
  "ec",
  "functions",
  "facts",
  "source",
  "field_sources",
  "content_hash",
] as const;
// The article text is not needed to analyse a label: only whether one exists.
const HAS_ARTICLE = sql<number>`case when sections is null then 0 else 1 end`.as("has_article");

const parse = <T>(json: string | null, fallback: T): T =>
  json === null ? fallback : (JSON.parse(json) as T);

/** Ingredient rows with the columns an `IngredientRow` needs (turn each into one with `toIngredientRow`). */
export function selectIngredientRows(db: Executor) {
  return db.selectFrom("ingredients").select(INGREDIENT_COLUMNS).select(HAS_ARTICLE);
}

async function findIngredientRow(
  db: Executor,
  column: "inci" | "slug" | "id",
  value: string | number,
): Promise<IngredientRow | null> {
  const row = await selectIngredientRows(db).where(column, "=", value).executeTakeFirst();
  return row ? toIngredientRow(row) : null;
}

export const findIngredientRowByInci = (db: Executor, inci: string) => findIngredientRow(db, "inci", inci);
export const findIngredientRowBySlug = (db: Executor, slug: string) => findIngredientRow(db, "slug", slug);
export const findIngredientRowById = (db: Executor, id: number) => findIngredientRow(db, "id", id);

/** The stored article sections of an ingredient (heading -> Markdown); empty when it has none. */
export async function findStoredSections(db: Executor, id: number): Promise<Record<string, string>> {
  const row = await db.selectFrom("ingredients").select("sections").where("id", "=", id).executeTakeFirst();
  return parse<Record<string, string>>(row?.sections ?? null, {});
}

/** The aliases written by authors (the corpus or an editor), not the names an import added. */
export async function findAuthoredAliases(db: Executor, id: number): Promise<Alias[]> {
  const rows = await db
    .selectFrom("ingredient_names")
    .select(["name", "kind"])
    .where("ingredient_id", "=", id)
    .where("kind", "!=", "inci")
    .where("source", "in", ["corpus", "editor"])
    .execute();
  return rows.map((r) => ({ name: r.name, kind: r.kind as AliasKind }));
}

/** Drop an ingredient's authored aliases (an editor's list replaces the corpus's); names stay. */
export async function deleteAuthoredAliases(db: Executor, id: number): Promise<void> {
  await db
    .deleteFrom("ingredient_names")
    .where("ingredient_id", "=", id)
    .where("kind", "!=", "inci")
    .where("source", "in", ["corpus", "editor"])
    .execute();
}

/** Ingredient ids that own a name with this normalised key. */
export async function findIngredientIdsByNameKey(db: Executor, key: string): Promise<number[]> {
  const rows = await db
    .selectFrom("ingredient_names")
    .select("ingredient_id")
    .where("key", "=", key)
    .execute();
  return [...new Set(rows.map((r) => r.ingredient_id))];
}

/** slug -> content hash of every ingredient loaded from a corpus file. */
export async function findCorpusHashes(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("ingredients")
    .select(["slug", "content_hash"])
    .where("content_hash", "is not", null)
    .execute();
  return new Map(rows.map((r) => [r.slug, r.content_hash as string]));
}

export async function replaceNames(
  db: Executor,
  ingredientId: number,
  source: FactSource,
  names: NameRow[],
): Promise<void> {
  await db
    .deleteFrom("ingredient_names")
    .where("ingredient_id", "=", ingredientId)
    .where("source", "=", source)
    .execute();
  const seen = new Set(
    (
      await db
        .selectFrom("ingredient_names")
        .select("key")
        .where("ingredient_id", "=", ingredientId)
        .execute()
    ).map((r) => r.key),
  );
  const rows = [];
  for (const n of names) {
    const key = nameKey(n.name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    rows.push({ ingredient_id: ingredientId, name: n.name, key, kind: n.kind, source: n.source });
  }
  if (rows.length > 0) await db.insertInto("ingredient_names").values(rows).execute();
}

export function toIngredientRow(row: SelectedIngredient): IngredientRow {
  return {
    id: row.id,
    slug: row.slug,
    inci: row.inci,
    name: row.name,
    cas: parse(row.cas, []),
    ec: parse(row.ec, []),
    functions: parse(row.functions, []),
    facts: parse(row.facts, {}),
    source: row.source as FactSource,
    fieldSources: parse(row.field_sources, {}),
    contentHash: row.content_hash,
    hasArticle: Number(row.has_article) === 1,
  };
}

type SelectedIngredient = Pick<Selectable<IngredientTable>, (typeof INGREDIENT_COLUMNS)[number]> & {
  has_article: number;
};
