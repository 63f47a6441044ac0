import type { Dictionary } from "../analyzer/dictionary.js";
import { categoriesOf } from "../analyzer/rules/classify.js";
import { slugify } from "./slug.js";
import type { Ingredient } from "./types.js";

/** The letters of the A-Z index; names starting with anything else are listed under "0-9". */
export const LETTERS = [..."abcdefghijklmnopqrstuvwxyz", "0-9"] as const;
export type Letter = (typeof LETTERS)[number];

export interface FunctionGroup {
  name: string;
  slug: string;
  /** Ingredients with an article first, then the others; each part by name. */
  ingredients: Ingredient[];
}

/**
 * Lists the browse pages, the related links and the feeds need, built once per dictionary (a
 * content change replaces the dictionary, and with it this index): no request scans every ingredient.
 */
export interface DictionaryIndex {
  byId: ReadonlyMap<number, Ingredient>;
  /** Every ingredient by display name, per letter. */
  letters: ReadonlyMap<Letter, Ingredient[]>;
  /** Ingredients with an article, by display name. */
  articles: Ingredient[];
  functions: FunctionGroup[];
  functionsBySlug: ReadonlyMap<string, FunctionGroup>;
  related: Map<number, Ingredient[]>;
  articlesByFunction: ReadonlyMap<string, Ingredient[]>;
  articlesByCategory: ReadonlyMap<string, Ingredient[]>;
}

const indexes = new WeakMap<Dictionary, DictionaryIndex>();

function sortKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function letterOf(name: string): Letter {
  const first = sortKey(name).replace(/^[^a-z0-9]+/, "")[0] ?? "0";
  return (first >= "a" && first <= "z" ? first : "0-9") as Letter;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function dictionaryIndex(dictionary: Dictionary): DictionaryIndex {
  const cached = indexes.get(dictionary);
  if (cached) return cached;
  const keys = new Map(dictionary.ingredients.map((i) => [i, sortKey(i.name)]));
  const byName = [...dictionary.ingredients].sort((a, b) =>
    (keys.get(a) as string) < (keys.get(b) as string) ? -1 : 1,
  );
  const letters = new Map<Letter, Ingredient[]>(LETTERS.map((l) => [l, []]));
  const functions = new Map<string, FunctionGroup>();
  const articlesByFunction = new Map<string, Ingredient[]>();
  const articlesByCategory = new Map<string, Ingredient[]>();
  for (const ingredient of byName) {
    letters.get(letterOf(ingredient.name))?.push(ingredient);
    for (const name of ingredient.functions) {
      const slug = slugify(name);
      if (slug === "") continue;
      const group = functions.get(slug) ?? { name, slug, ingredients: [] };
      group.ingredients.push(ingredient);
      functions.set(slug, group);
      if (ingredient.hasArticle) push(articlesByFunction, name, ingredient);
    }
    if (!ingredient.hasArticle) continue;
    for (const category of categoriesOf(ingredient)) push(articlesByCategory, category, ingredient);
  }
  for (const group of functions.values()) {
    group.ingredients = [
      ...group.ingredients.filter((i) => i.hasArticle),
      ...group.ingredients.filter((i) => !i.hasArticle),
    ];
  }
  const index: DictionaryIndex = {
    byId: new Map(dictionary.ingredients.map((i) => [i.id, i])),
    letters,
    articles: byName.filter((i) => i.hasArticle),
    functions: [...functions.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    functionsBySlug: functions,
    related: new Map(),
    articlesByFunction,
    articlesByCategory,
  };
  indexes.set(dictionary, index);
  return index;
}

/**
 * "More from INCI Atlas": the entry's own `related` list first, then the articles sharing the most
 * CosIng functions and categories with it (ties by name). Computed once per ingredient and dictionary.
 */
export function relatedIngredients(dictionary: Dictionary, ingredient: Ingredient, limit = 8): Ingredient[] {
  const index = dictionaryIndex(dictionary);
  const cached = index.related.get(ingredient.id);
  if (cached) return cached;
  const chosen: Ingredient[] = [];
  const seen = new Set<number>([ingredient.id]);
  for (const slug of ingredient.related) {
    const other = dictionary.findBySlug(slug);
    if (other && !seen.has(other.id) && chosen.length < limit) {
      chosen.push(other);
      seen.add(other.id);
    }
  }
  const scores = new Map<Ingredient, number>();
  const count = (list: readonly Ingredient[] | undefined) => {
    for (const other of list ?? []) if (!seen.has(other.id)) scores.set(other, (scores.get(other) ?? 0) + 1);
  };
  for (const name of ingredient.functions) count(index.articlesByFunction.get(name));
  for (const category of categoriesOf(ingredient)) count(index.articlesByCategory.get(category));
  const ranked = [...scores].sort(
    (a, b) => b[1] - a[1] || sortKey(a[0].name).localeCompare(sortKey(b[0].name)),
  );
  for (const [other] of ranked) {
    if (chosen.length >= limit) break;
    chosen.push(other);
  }
  index.related.set(ingredient.id, chosen);
  return chosen;
}
