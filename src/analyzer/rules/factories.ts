/**
 * Test factories: an ingredient or an analyzed entry with every required field filled, so a test
 * states only what it is about. Defaults describe an imported-only ingredient with no facts.
 */
import type { Ingredient, RegulationEntry } from "../../ingredients/types.js";
import { titleCase } from "../normalize.js";
import type { AnalyzedEntry } from "../types.js";

let nextId = 1;

export function makeIngredient(partial: Partial<Ingredient> = {}): Ingredient {
  const inci = partial.inci ?? "TEST INGREDIENT";
  const id = nextId++;
  return {
    id,
    inci,
    name: titleCase(inci),
    slug: `${inci.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id}`,
    aliases: [],
    cas: [],
    ec: [],
    functions: [],
    origin: null,
    vegan: null,
    vegetarian: null,
    categories: [],
    comedogenic: null,
    irritancy: null,
    fungalAcne: null,
    pregnancy: null,
    photosensitising: null,
    allergens: [],
    productTypes: [],
    related: [],
    sources: [],
    reviewed: null,
    summary: null,
    source: "cosing",
    regulations: [],
    hasArticle: false,
    ...partial,
  };
}

export function makeRegulation(
  partial: Partial<RegulationEntry> & Pick<RegulationEntry, "annex">,
): RegulationEntry {
  return {
    ref: "1",
    substance: "Test substance",
    productType: null,
    maxConcentration: null,
    maxPercent: null,
    conditions: null,
    warnings: null,
    regulation: "Regulation (EC) No 1223/2009",
    matchedBy: "name",
    ...partial,
  };
}

export function makeEntry(
  ingredient: Ingredient | null,
  partial: Partial<AnalyzedEntry> = {},
): AnalyzedEntry {
  return {
    position: 1,
    text: ingredient?.name ?? "Unknown Thing",
    ingredient,
    matchedName: ingredient?.inci ?? null,
    match: ingredient ? "exact" : "unknown",
    confidence: ingredient ? 1 : 0,
    group: "main",
    section: 0,
    percent: null,
    nano: false,
    belowOnePercent: false,
    ...partial,
  };
}

/** A label: entries for the given ingredients (or nulls), numbered from 1 in the main group. */
export function makeLabel(
  items: ReadonlyArray<Ingredient | null>,
  partial: Partial<AnalyzedEntry> = {},
): AnalyzedEntry[] {
  return items.map((ingredient, index) => makeEntry(ingredient, { ...partial, position: index + 1 }));
}

/** Shorthand: an imported-only ingredient known by its INCI name (and optionally CosIng functions). */
export function inci(name: string, functions: string[] = []): Ingredient {
  return makeIngredient({ inci: name, functions });
}
