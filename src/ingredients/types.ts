/**
 * Domain types of the ingredient dictionary. Pure data: the analyzer, the storage layer,
 * the importers and the presenters all speak these types.
 */

/** Where a stored fact came from. `editor` arrives with the editors' workspace. */
export type FactSource = "corpus" | "cosing" | "annex" | "editor";

export const ORIGINS = [
  "plant",
  "animal",
  "human-derived",
  "mineral",
  "synthetic",
  "biotech",
  "mixed",
] as const;
export type Origin = (typeof ORIGINS)[number];

/**
 * Categories used by the flag rules. An entry lists the ones that apply; the analyzer also
 * infers some from the INCI name for ingredients known only from an imported inventory.
 */
export const CATEGORIES = [
  "fragrance",
  "fragrance-allergen",
  "essential-oil",
  "drying-alcohol",
  "fatty-alcohol",
  "silicone",
  "water-soluble-silicone",
  "sulfate",
  "paraben",
  "formaldehyde-releaser",
  "isothiazolinone",
  "aha",
  "bha",
  "pha",
  "retinoid",
  "uv-filter",
  "mineral-uv-filter",
  "colorant",
  "preservative",
  "antioxidant",
  "humectant",
  "emollient",
  "occlusive",
  "surfactant",
  "emulsifier",
  "thickener",
  "film-former",
  "chelating",
  "ph-adjuster",
  "solvent",
  "exfoliant",
  "peptide",
  "plant-extract",
  "plant-oil",
  "ferment",
  "vitamin",
  "polymer",
  "peg",
  "ethoxylated",
  "ester",
  "fatty-acid",
  "polysorbate",
  "microplastic",
  "nanomaterial",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How a rating was arrived at. `secondary`: found only in compilations, not in the primary study. */
export type RatingBasis = "tested" | "secondary" | "estimated";

export interface Rating {
  /** 0-5; null means "not rated". */
  value: number | null;
  basis: RatingBasis;
  /** Why this value: the study's finding, or the editorial reasoning of an estimate. */
  rationale: string;
  /** Bibliography keys. */
  sources: string[];
  /** Where sources disagree, say so. */
  disagreement?: string;
}

export type FungalAcneTier = "trigger" | "debated" | "fine";

export interface FungalAcne {
  tier: FungalAcneTier;
  reason: string;
}

export interface Caution {
  /** true: a caution applies; false: nothing specific is known. */
  caution: boolean;
  note: string;
}

export type AliasKind = "us-inci" | "common" | "ci" | "chemical" | "former-inci" | "inn" | "other";

export interface Alias {
  name: string;
  kind: AliasKind;
}

/** The structured facts of one ingredient, whatever their source. */
export interface IngredientFacts {
  /** Canonical INCI name, EU spelling, upper case as in CosIng. */
  inci: string;
  /** Display name (authored), e.g. "Water" for AQUA. */
  name: string;
  slug: string;
  aliases: Alias[];
  cas: string[];
  ec: string[];
  /** CosIng function vocabulary, title case ("Skin Conditioning - Emollient"). */
  functions: string[];
  origin: Origin | null;
  vegan: boolean | null;
  vegetarian: boolean | null;
  categories: Category[];
  comedogenic: Rating | null;
  irritancy: Rating | null;
  fungalAcne: FungalAcne | null;
  pregnancy: Caution | null;
  photosensitising: Caution | null;
  /** Fragrance allergens (INCI names) a botanical is known to contain, where a source says so. */
  allergens: string[];
  productTypes: string[];
  related: string[];
  sources: string[];
  reviewed: string | null;
  /** One-paragraph plain-English summary; null for imported-only ingredients. */
  summary: string | null;
}

/** An EU annex entry an ingredient is linked to. */
export type Annex = "II" | "III" | "IV" | "V" | "VI";

export interface RegulationEntry {
  annex: Annex;
  /** Annex reference number, a string ("2a", "12 a"). */
  ref: string;
  /** The substance as the annex names it. */
  substance: string;
  productType: string | null;
  maxConcentration: string | null;
  /** Maximum concentration in per cent when one number applies to all product types, else null. */
  maxPercent: number | null;
  conditions: string | null;
  warnings: string | null;
  regulation: string | null;
  /** How the link to the ingredient was made. */
  matchedBy: "name" | "cas" | "class" | "corpus";
}

/** One ingredient as the analyzer and the pages see it. */
export interface Ingredient extends IngredientFacts {
  id: number;
  source: FactSource;
  regulations: RegulationEntry[];
  /** true when an authored article body exists. */
  hasArticle: boolean;
}
