import type { Ingredient } from "../../ingredients/types.js";
import type { Rule } from "../types.js";
import { animalMaterialOf } from "./animal-names.js";
import { type EntryCheck, presenceRule } from "./define.js";
import { allNamesOf, normalizeName } from "./names.js";

/** "HUMAN" as a word, outside synthetic-human ("SH-") peptide names, which are made in the lab. */
function hasHumanName(ingredient: Ingredient): boolean {
  return allNamesOf(ingredient).some((name) => /\bHUMAN\b/.test(name) && !/^SH-/.test(name));
}

export function isHumanDerived(ingredient: Ingredient): boolean {
  return ingredient.origin === "human-derived" || hasHumanName(ingredient);
}

/** Origin inferred from the name, only when there are no authored origin facts. */
function inferredAnimal(ingredient: Ingredient): string | null {
  if (ingredient.vegan !== null || ingredient.origin !== null) return null;
  return animalMaterialOf(normalizeName(ingredient.inci));
}

/** Why an ingredient is not vegan, or null when nothing says so. */
export function notVeganReason(ingredient: Ingredient): string | null {
  if (isHumanDerived(ingredient)) return "human-derived, so not vegan";
  if (ingredient.origin === "animal") return "animal-derived, so not vegan";
  if (ingredient.vegan === false) return "not vegan (per ingredient facts)";
  const animal = inferredAnimal(ingredient);
  return animal ? `${animal}, so not vegan (origin inferred from the name)` : null;
}

export const notVeganCheck: EntryCheck = (ingredient) => notVeganReason(ingredient);

/**
 * Origin not known: neither vegan nor origin is recorded (or the origin is "mixed") and the name
 * says nothing. Such an entry does not contradict a "vegan" claim, but it cannot confirm it either.
 */
export function originUnknown(ingredient: Ingredient): boolean {
  if (notVeganReason(ingredient) !== null) return false;
  if (ingredient.vegan === true) return false;
  return ingredient.origin === null || ingredient.origin === "mixed";
}

export const humanDerivedCheck: EntryCheck = (ingredient) =>
  isHumanDerived(ingredient)
    ? "human-derived; products of human origin are prohibited in EU cosmetics (Annex II entry 416)"
    : null;

export const notVegan: Rule = presenceRule({
  id: "not-vegan",
  severity: "info",
  title: "Animal- or human-derived (not vegan)",
  source: "Ingredient origin facts; The Vegan Society definition of veganism (no animal-derived ingredients)",
  check: notVeganCheck,
});

export const humanDerived: Rule = presenceRule({
  id: "human-derived",
  severity: "warning",
  title: "Human-derived ingredient",
  // Annex II entry 416: "Cells, tissues or products of human origin".
  source: "Regulation (EC) No 1223/2009, Annex II entry 416 (cells, tissues or products of human origin)",
  check: humanDerivedCheck,
});
