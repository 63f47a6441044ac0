import type { Category, Ingredient } from "../../ingredients/types.js";
import { allergensOf } from "./allergen-lookup.js";
import { isEssentialOilName, isFixedPlantOilName } from "./essential-oils.js";
import { fattyAcylOf } from "./fatty-acids.js";
import {
  isAhaName,
  isBhaName,
  isColorantName,
  isDryingAlcoholName,
  isEthoxylatedName,
  isFattyAlcoholName,
  isFormaldehydeReleaserName,
  isFragranceDeclarationName,
  isIsothiazolinoneName,
  isMineralUvFilterName,
  isParabenName,
  isPegName,
  isPhaName,
  isPolysorbateName,
  isRetinoidName,
  isSiliconeName,
  isSulfateSurfactantName,
  isUvFilterName,
  isWaterSolubleSiliconeName,
} from "./name-patterns.js";
import { formalNamesOf, hasFunction, normalizeName } from "./names.js";

/** Categories that follow from a name alone, checked against the INCI name and formal aliases. */
const NAME_CATEGORIES: ReadonlyArray<[Category, (name: string) => boolean]> = [
  ["paraben", isParabenName],
  ["silicone", isSiliconeName],
  ["water-soluble-silicone", isWaterSolubleSiliconeName],
  ["drying-alcohol", isDryingAlcoholName],
  ["fatty-alcohol", isFattyAlcoholName],
  ["formaldehyde-releaser", isFormaldehydeReleaserName],
  ["isothiazolinone", isIsothiazolinoneName],
  ["fragrance", isFragranceDeclarationName],
  ["retinoid", isRetinoidName],
  ["aha", isAhaName],
  ["bha", isBhaName],
  ["pha", isPhaName],
  ["uv-filter", isUvFilterName],
  ["mineral-uv-filter", isMineralUvFilterName],
  ["colorant", isColorantName],
  ["peg", isPegName],
  ["ethoxylated", isEthoxylatedName],
  ["polysorbate", isPolysorbateName],
  ["plant-oil", isFixedPlantOilName],
];

const PERFUME_FUNCTIONS = ["Perfuming", "Fragrance", "Masking"];
/** Botanical materials: a perfuming function alone does not make them a fragrance ingredient. */
const BOTANICAL_WORDS =
  /\b(OIL|EXTRACT|WATER|JUICE|POWDER|ABSOLUTE|BUTTER|WAX|CERA|LEAF|FLOWER|ROOT|SEED|FRUIT|PEEL|BARK|HERB|RESIN|GUM|FERMENT|FILTRATE)\b/;

/**
 * A fragrance raw material known only from CosIng: every function it has is a perfume function
 * (e.g. 2-HEPTYLCYCLOPENTANONE: "Fragrance, Perfuming"). "Perfuming" next to other functions is
 * not enough: LINALOOL is also "Deodorant", ISOPROPYL ALCOHOL a solvent, plant extracts carry it
 * too; those are caught by their own categories (fragrance-allergen, essential-oil) instead.
 */
function isPerfumeOnlySubstance(ingredient: Ingredient): boolean {
  const functions = ingredient.functions.map((f) => f.toLowerCase().trim()).filter(Boolean);
  const perfume = new Set(PERFUME_FUNCTIONS.map((f) => f.toLowerCase()));
  if (functions.length === 0 || !functions.every((f) => perfume.has(f))) return false;
  return !BOTANICAL_WORDS.test(normalizeName(ingredient.inci));
}

function inferFromFacts(ingredient: Ingredient, categories: Set<Category>): void {
  const add = (c: Category) => categories.add(c);
  const inci = normalizeName(ingredient.inci);
  const perfumeFunction = hasFunction(ingredient, ...PERFUME_FUNCTIONS);
  if (isEssentialOilName(inci, perfumeFunction)) add("essential-oil");
  // Fatty alcohols such as CAPRYLYL ALCOHOL are "Perfuming" in CosIng but used as emollients.
  if (isPerfumeOnlySubstance(ingredient) && !categories.has("fatty-alcohol")) add("fragrance");
  if (isSulfateSurfactantName(inci, hasFunction(ingredient, "Surfactant - Cleansing", "Cleansing"))) {
    add("sulfate");
  }
  const acyl = fattyAcylOf(inci);
  if (acyl?.form === "acid") add("fatty-acid");
  if (acyl?.form === "ester") add("ester");
  if (allergensOf(ingredient).length > 0) add("fragrance-allergen");
  if (hasFunction(ingredient, "Uv Filter")) add("uv-filter");
  for (const reg of ingredient.regulations) {
    if (reg.annex === "VI") add("uv-filter");
    if (reg.annex === "IV") add("colorant");
    if (reg.annex === "V") add("preservative");
  }
}

const cache = new WeakMap<Ingredient, ReadonlySet<Category>>();

/**
 * The authored categories of an ingredient plus those inferred from its INCI name, formal aliases,
 * CosIng functions and EU annex links. Inference only ever adds: an authored category is never removed.
 */
export function categoriesOf(ingredient: Ingredient): ReadonlySet<Category> {
  const cached = cache.get(ingredient);
  if (cached) return cached;
  const categories = new Set<Category>(ingredient.categories);
  for (const name of formalNamesOf(ingredient)) {
    for (const [category, matches] of NAME_CATEGORIES) if (matches(name)) categories.add(category);
  }
  inferFromFacts(ingredient, categories);
  if (categories.has("water-soluble-silicone")) categories.add("silicone");
  if (categories.has("mineral-uv-filter")) categories.add("uv-filter");
  cache.set(ingredient, categories);
  return categories;
}
