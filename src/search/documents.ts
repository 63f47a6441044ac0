import { foldAccents } from "../analyzer/normalize.js";
import type { Ingredient } from "../ingredients/types.js";

/**
 * What the search index holds: one small document per name of an ingredient (its INCI name, its
 * display name, each alias), so that a hit says which name matched and a short name that matches
 * every word outranks a long one that merely contains them (BM25 favours short fields).
 */
export interface NameDocument {
  id: number;
  /** The name's processed words joined by spaces (see `termsOf`). */
  name: string;
}

/** Per document: its ingredient, the name as written, its ranking boost and its words. */
export interface NameEntry {
  /** The current version of the ingredient (replaced at each update). */
  ingredient: Ingredient;
  name: string;
  boost: number;
  /** The name's words as indexed (lower case, accents folded). */
  terms: string[];
}

/**
 * Ranking boosts. The INCI name is what a reader looks up most; a full article is what they most
 * likely want to read. Values tuned on the ranking tests (a typo of NIACINAMIDE must find it first
 * among the imported NIACINAMIDE esters and salts).
 */
const INCI_BOOST = 1.6;
const DISPLAY_NAME_BOOST = 1.3;
const ARTICLE_BOOST = 1.5;

export interface IndexedName {
  name: string;
  boost: number;
  terms: string[];
}

/**
 * The distinct names of an ingredient, INCI name first, with their words. Names with the same
 * words ("Caprylic / Capric ..." and "CAPRYLIC/CAPRIC ...") appear once. Runs for every ingredient
 * at boot, so it allocates little: most imported ingredients have one name.
 */
export function namesOf(ingredient: Ingredient): IndexedName[] {
  const article = ingredient.hasArticle ? ARTICLE_BOOST : 1;
  const out: IndexedName[] = [];
  const keys: string[] = [];
  const add = (name: string, boost: number) => {
    const terms = termsOf(name);
    const key = terms.join(" ");
    if (key === "" || keys.includes(key)) return;
    keys.push(key);
    out.push({ name, boost: boost * article, terms });
  };
  add(ingredient.inci, INCI_BOOST);
  // An imported ingredient's display name is its INCI name in title case: nothing to add.
  if (ingredient.name.toUpperCase() !== ingredient.inci) add(ingredient.name, DISPLAY_NAME_BOOST);
  for (const alias of ingredient.aliases) add(alias.name, 1);
  return out;
}

/** True when the documents of an ingredient would be the same for both versions of it. */
export function sameDocuments(a: Ingredient, b: Ingredient): boolean {
  if (a.inci !== b.inci || a.name !== b.name || a.hasArticle !== b.hasArticle) return false;
  if (a.aliases.length !== b.aliases.length) return false;
  return a.aliases.every((alias, i) => alias.name === b.aliases[i]?.name);
}

const NOT_PLAIN = /[^\x20-\x7E]/;
/** MiniSearch's own word separator: spaces and punctuation ("/", "-", "(", ","). */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

/**
 * The words of a name or a query, as the index holds them, without case or accents:
 * "Caprylic/Capric Triglyceride" -> caprylic, capric, triglyceride; "Pressée" -> pressee.
 */
export function termsOf(text: string): string[] {
  const plain = (NOT_PLAIN.test(text) ? foldAccents(text) : text).toLowerCase();
  const terms: string[] = [];
  for (const term of plain.split(SEPARATORS)) if (term !== "") terms.push(term);
  return terms;
}

/** A term worth correcting: letters only (a CI number or "PEG-40" is never a typo of another) and long enough. */
export function isCorrectable(term: string): boolean {
  return term.length >= 4 && !/\d/.test(term);
}
