import type { Ingredient } from "../ingredients/types.js";

/**
 * CAS and EC numbers: an exact map (one number may belong to several ingredients, e.g. a substance
 * and its INCI variants) and a sorted list for "starts with" while a number is being typed.
 */
export interface RegistryMatch {
  ingredient: Ingredient;
  number: string;
}

// "CAS 56-81-5", "CAS No. 56-81-5", "EC: 200-289-5", "EINECS 200-289-5" -> the number.
const LABEL = /^(?:CAS|EC|EINECS|ELINCS)(?:\s*(?:NO\.?|NUMBER|#))?\s*:?\s*/i;
/** A CAS number (2-7 digits, 2, 1) or an EC number (3-3-1), complete or being typed. */
const NUMBER = /^\d{2,7}-[\d-]*$/;

/** The registry number a query holds, or null when it is not one. */
export function registryNumberOf(query: string): string | null {
  const number = query.trim().replace(LABEL, "").replace(/\s+/g, "");
  return NUMBER.test(number) ? number : null;
}

export class RegistryIndex {
  private readonly exactMap = new Map<string, Ingredient[]>();
  /** Every number, sorted, with its ingredient at the same position in `owners`. */
  private readonly numbers: string[] = [];
  private readonly owners: Ingredient[] = [];

  constructor(ingredients: readonly Ingredient[]) {
    for (const ingredient of ingredients) {
      for (const number of ingredient.cas) this.add(number, ingredient);
      for (const number of ingredient.ec) this.add(number, ingredient);
    }
    const numbers = [...this.exactMap.keys()].sort();
    for (const number of numbers) {
      const owners = this.exactMap.get(number) as Ingredient[];
      if (owners.length > 1) owners.sort(byArticleThenInci);
      for (const owner of owners) {
        this.numbers.push(number);
        this.owners.push(owner);
      }
    }
  }

  private add(number: string, ingredient: Ingredient): void {
    const list = this.exactMap.get(number);
    if (list?.includes(ingredient)) return;
    if (list) list.push(ingredient);
    else this.exactMap.set(number, [ingredient]);
  }

  exact(number: string): RegistryMatch[] {
    return (this.exactMap.get(number) ?? []).map((ingredient) => ({ ingredient, number }));
  }

  /** Numbers that start with `prefix`, in number order, each ingredient once. */
  startingWith(prefix: string): RegistryMatch[] {
    const out: RegistryMatch[] = [];
    const seen = new Set<number>();
    for (let i = this.lowerBound(prefix); i < this.numbers.length; i++) {
      const number = this.numbers[i] as string;
      const ingredient = this.owners[i] as Ingredient;
      if (!number.startsWith(prefix)) break;
      if (seen.has(ingredient.id)) continue;
      seen.add(ingredient.id);
      out.push({ ingredient, number });
    }
    return out;
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.numbers.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.numbers[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Full articles first (what a reader most likely wants), then by INCI name. */
export function byArticleThenInci(a: Ingredient, b: Ingredient): number {
  if (a.hasArticle !== b.hasArticle) return a.hasArticle ? -1 : 1;
  return a.inci < b.inci ? -1 : a.inci > b.inci ? 1 : 0;
}
