import type { Kysely } from "kysely";
import type { Dictionary } from "../analyzer/dictionary.js";
import type { DB } from "../db/schema.js";
import { findSlugRedirect } from "./article/queries.js";
import { dictionaryIndex } from "./browse.js";
import { slugify } from "./slug.js";
import type { Ingredient } from "./types.js";

/** How a requested slug relates to an ingredient: its own slug, or another name's (answer 301). */
export interface SlugMatch {
  ingredient: Ingredient;
  canonical: boolean;
}

const aliasSlugs = new WeakMap<Dictionary, Map<string, Ingredient>>();

/**
 * Slugs of every alias (vitamin-e, water, titanium-dioxide for CI 77891), per dictionary. An alias
 * slug shared by two ingredients is dropped rather than guessed. Built at boot by `indexAliasSlugs`.
 */
export function indexAliasSlugs(dictionary: Dictionary): Map<string, Ingredient> {
  const cached = aliasSlugs.get(dictionary);
  if (cached) return cached;
  const map = new Map<string, Ingredient>();
  const ambiguous = new Set<string>();
  for (const ingredient of dictionary.ingredients) {
    for (const alias of ingredient.aliases) {
      const slug = slugify(alias.name);
      if (slug === "" || dictionary.findBySlug(slug)) continue;
      const seen = map.get(slug);
      if (seen && seen !== ingredient) ambiguous.add(slug);
      else map.set(slug, ingredient);
    }
  }
  for (const slug of ambiguous) map.delete(slug);
  aliasSlugs.set(dictionary, map);
  return map;
}

export function resolveSlug(dictionary: Dictionary, slug: string): SlugMatch | null {
  const own = dictionary.findBySlug(slug);
  if (own) return { ingredient: own, canonical: true };
  const alias = indexAliasSlugs(dictionary).get(slug);
  return alias ? { ingredient: alias, canonical: false } : null;
}

/** Longest slug we look up; longer paths are not ingredient names. */
export const MAX_SLUG = 200;

/**
 * The ingredient a requested slug names, for the pages and the API alike: its own slug, an
 * alias slug, another spelling of a slug ("AQUA", "Aqua%20"), or an old slug an editor's rename
 * left in slug_redirects. `canonical` false: answer 301 to the ingredient's own slug.
 */
export async function findIngredientBySlug(
  dictionary: Dictionary,
  db: Kysely<DB>,
  requested: string,
): Promise<SlugMatch | null> {
  if (requested.length > MAX_SLUG) return null;
  const match = resolveSlug(dictionary, requested);
  if (match) return match;
  const tidy = slugify(requested);
  if (tidy === "") return null;
  const tidied = tidy !== requested ? resolveSlug(dictionary, tidy) : null;
  if (tidied) return { ingredient: tidied.ingredient, canonical: false };
  const id = await findSlugRedirect(db, tidy);
  const moved = id === null ? undefined : dictionaryIndex(dictionary).byId.get(id);
  return moved ? { ingredient: moved, canonical: false } : null;
}
