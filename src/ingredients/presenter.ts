import type { Revision } from "./revisions.js";
import type { Ingredient } from "./types.js";

/** The public JSON shape of an ingredient's facts: a hand-written allowlist. */
export function presentIngredient(i: Ingredient) {
  return {
    slug: i.slug,
    inci: i.inci,
    name: i.name,
    aliases: i.aliases.map((a) => ({ name: a.name, kind: a.kind })),
    cas: [...i.cas],
    ec: [...i.ec],
    functions: [...i.functions],
    origin: i.origin,
    vegan: i.vegan,
    vegetarian: i.vegetarian,
    categories: [...i.categories],
    comedogenic: i.comedogenic,
    irritancy: i.irritancy,
    fungalAcne: i.fungalAcne,
    pregnancy: i.pregnancy,
    photosensitising: i.photosensitising,
    allergens: [...i.allergens],
    regulations: i.regulations.map((r) => ({
      annex: r.annex,
      ref: r.ref,
      substance: r.substance,
      maxConcentration: r.maxConcentration,
      productType: r.productType,
      conditions: r.conditions,
      warnings: r.warnings,
      regulation: r.regulation,
    })),
    summary: i.summary,
    sources: [...i.sources],
    reviewed: i.reviewed,
    source: i.source,
    hasArticle: i.hasArticle,
  };
}

/** An ingredient with its published article: facts, sections and the revision they come from. */
export function presentArticle(i: Ingredient, revision: Revision | null) {
  return {
    ...presentIngredient(i),
    sections: revision?.sections ? { ...revision.sections } : null,
    revision: revision ? { number: revision.number, updatedAt: revision.createdAt } : null,
  };
}

/** A CosIng function as the API lists it: its name, the slug of its page, and how many ingredients have it. */
export function presentFunction(group: { name: string; slug: string; ingredients: readonly unknown[] }) {
  return { name: group.name, slug: group.slug, count: group.ingredients.length };
}
