import type { Ingredient } from "../../ingredients/types.js";

/** Upper case with single spaces: how INCI names and aliases are compared. */
export function normalizeName(name: string): string {
  // Printable ASCII, most names, needs no NFC, and its only white space is " ": without a double
  // space there is no run of white space to collapse.
  if (!NOT_PLAIN.test(name))
    return (name.includes("  ") ? name.replace(/\s+/g, " ") : name).trim().toUpperCase();
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toUpperCase();
}

const NOT_PLAIN = /[^\x20-\x7E]/;

/**
 * The INCI name and the aliases that name the same substance formally (US INCI, former INCI, INN,
 * chemical name). Common names ("Vitamin A") are left out: they are too loose to infer a category.
 */
export const formalNamesOf = perIngredient((ingredient): string[] => {
  const formal = ingredient.aliases.filter((a) => a.kind !== "common" && a.kind !== "other");
  return [ingredient.inci, ...formal.map((a) => a.name)].map(normalizeName);
});

/** The INCI name and every alias, normalised. */
export const allNamesOf = perIngredient((ingredient): string[] =>
  [ingredient.inci, ...ingredient.aliases.map((a) => a.name)].map(normalizeName),
);

/**
 * Memoise a fact derived from an ingredient alone. Ingredients are immutable once the dictionary is
 * built, and the same ones recur in label after label: the rules must not re-derive them each time.
 */
export function perIngredient<T>(derive: (ingredient: Ingredient) => T): (ingredient: Ingredient) => T {
  const cache = new WeakMap<Ingredient, T>();
  return (ingredient) => {
    const known = cache.get(ingredient);
    if (known !== undefined || cache.has(ingredient)) return known as T;
    const value = derive(ingredient);
    cache.set(ingredient, value);
    return value;
  };
}

/** Whether any CosIng function of the ingredient is one of `functions` (case-insensitive). */
export function hasFunction(ingredient: Ingredient, ...functions: string[]): boolean {
  // A handful of wanted functions: an array is cheaper to build and search than a set.
  const wanted = functions.map((f) => f.toLowerCase());
  return ingredient.functions.some((f) => wanted.includes(f.toLowerCase().trim()));
}

/** Lower-case display of a name for running text ("LINALOOL" -> "linalool"). */
export function lowerName(name: string): string {
  return name.toLowerCase();
}

/** "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
