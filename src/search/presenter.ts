import { z } from "zod";
import type { Ingredient } from "../ingredients/types.js";
import type { SearchHit } from "./index.js";

/** The JSON shapes of search results: hand-written allowlists, so no field leaks by accident. */

export const searchItem = z.object({
  slug: z.string(),
  inci: z.string(),
  name: z.string(),
  functions: z.array(z.string()),
  hasArticle: z.boolean(),
  /** The name, alias or CAS/EC number that matched the query; the INCI name when listing all. */
  matchedName: z.string(),
});

export const suggestionItem = searchItem.pick({ slug: true, inci: true, name: true, matchedName: true });

export function presentSearchItem(ingredient: Ingredient, matchedName: string): z.infer<typeof searchItem> {
  return {
    slug: ingredient.slug,
    inci: ingredient.inci,
    name: ingredient.name,
    functions: ingredient.functions,
    hasArticle: ingredient.hasArticle,
    matchedName,
  };
}

export function presentSuggestion(hit: SearchHit): z.infer<typeof suggestionItem> {
  const { slug, inci, name } = hit.ingredient;
  return { slug, inci, name, matchedName: hit.matchedName };
}
