import type { Generated } from "kysely";

/** The database tables as Kysely sees them. JSON columns hold text on both dialects. */
export interface IngredientTable {
  id: Generated<number>;
  slug: string;
  inci: string;
  name: string;
  /** JSON string[] */
  cas: string;
  /** JSON string[] */
  ec: string;
  /** JSON string[] */
  functions: string;
  /** JSON: the authored facts beyond identity (origin, ratings, categories, ...). */
  facts: string;
  /** JSON Record<heading, markdown> or null when there is no article. */
  sections: string | null;
  description: string | null;
  /** JSON: the imported CosIng record of this ingredient ({cas, ec, functions}), kept to show disagreements. */
  inventory: string | null;
  source: string;
  /** JSON Record<field, FactSource>: where each stored fact came from. */
  field_sources: string;
  content_hash: string | null;
  updated_at: string;
}

export interface IngredientNameTable {
  ingredient_id: number;
  name: string;
  key: string;
  kind: string;
  source: string;
}

export interface RegulationTable {
  id: Generated<number>;
  annex: string;
  ref: string;
  substance: string;
  cas: string;
  ec: string;
  identified: string;
  product_type: string | null;
  max_concentration: string | null;
  max_percent: number | null;
  conditions: string | null;
  warnings: string | null;
  regulation: string | null;
  source: string;
  updated_at: string;
}

export interface IngredientRegulationTable {
  ingredient_id: number;
  regulation_id: number;
  matched_by: string;
  source: string;
}

export interface DB {
  ingredients: IngredientTable;
  ingredient_names: IngredientNameTable;
  regulations: RegulationTable;
  ingredient_regulations: IngredientRegulationTable;
}
