import { EU_ALLERGENS, type EuAllergen } from "./eu-allergens.js";
import { allNamesOf, normalizeName, perIngredient } from "./names.js";

const byName = new Map<string, EuAllergen[]>();
const bySubstanceCas = new Map<string, EuAllergen[]>();
const byRef = new Map<string, EuAllergen>();

function add(index: Map<string, EuAllergen[]>, key: string, allergen: EuAllergen): void {
  const list = index.get(key) ?? [];
  if (!list.includes(allergen)) list.push(allergen);
  index.set(key, list);
}

for (const allergen of EU_ALLERGENS) {
  byRef.set(allergen.ref, allergen);
  add(byName, normalizeName(allergen.labelName), allergen);
  for (const name of allergen.inci) add(byName, normalizeName(name), allergen);
  // Botanicals share species-wide CAS numbers with fixed oils and waters: match them by name only.
  if (!allergen.botanical) for (const cas of allergen.cas) add(bySubstanceCas, cas, allergen);
}

/** Normalise an Annex reference ("84", " 84 ", "84a") for comparison. */
export function normalizeRef(ref: string): string {
  return ref.replace(/\s+/g, "").toLowerCase();
}

/** The labelling-list entry a name (INCI, alias or label name) belongs to, if any. */
export function allergensNamed(name: string): EuAllergen[] {
  return byName.get(normalizeName(name)) ?? [];
}

export function allergenByRef(ref: string): EuAllergen | undefined {
  return byRef.get(normalizeRef(ref));
}

/**
 * The labelling-list entries an ingredient itself is: by INCI name or any alias, by CAS number
 * (single substances only), or by an Annex III link whose reference number is on the list.
 */
export const allergensOf = perIngredient((ingredient): EuAllergen[] => {
  const found: EuAllergen[] = [];
  const push = (list: readonly EuAllergen[]) => {
    for (const a of list) if (!found.includes(a)) found.push(a);
  };
  for (const name of allNamesOf(ingredient)) push(allergensNamed(name));
  for (const cas of ingredient.cas) push(bySubstanceCas.get(cas.trim()) ?? []);
  for (const reg of ingredient.regulations) {
    const allergen = reg.annex === "III" ? allergenByRef(reg.ref) : undefined;
    if (allergen) push([allergen]);
  }
  return found;
});

/** The labelled allergens a botanical is known to contain (from its `allergens` facts). */
export const containedAllergens = perIngredient((ingredient): EuAllergen[] => {
  const found: EuAllergen[] = [];
  for (const name of ingredient.allergens) {
    for (const a of allergensNamed(name)) if (!found.includes(a)) found.push(a);
  }
  const own = allergensOf(ingredient);
  return found.filter((a) => !own.includes(a));
});
