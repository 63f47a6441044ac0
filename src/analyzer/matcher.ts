import type { Ingredient } from "../ingredients/types.js";
import type { Dictionary, NameHit } from "./dictionary.js";
import { memoPerDictionary } from "./memo.js";
import type { MatchKind } from "./types.js";

export interface Match {
  ingredient: Ingredient | null;
  matchedName: string | null;
  match: MatchKind;
  confidence: number;
}

const UNKNOWN: Match = { ingredient: null, matchedName: null, match: "unknown", confidence: 0 };
const CI = /^CI\s*\d{5}$/i;
// Words retailers put before an INCI name that are not part of it.
const QUALIFIER =
  /^(?:certified\s+)?(?:organic|bio|natural|pure|virgin|extra\s+virgin|wild[- ]harvested)\s+/i;

/**
 * Resolve one item name to an ingredient: exact on the whole name, then on its parts (a
 * parenthesised common name or alias, slash-separated aliases), then fuzzy for misses only.
 */
export function matchName(dictionary: Dictionary, name: string): Match {
  // The same names recur in label after label: remember each answer.
  return matches(dictionary).get(name, (n) => resolve(dictionary, n));
}

/** matchName for one dictionary, its memo found once: for matching every item of a label. */
export function nameMatcher(dictionary: Dictionary): (name: string) => Match {
  const memo = matches(dictionary);
  const compute = (n: string) => resolve(dictionary, n);
  return (name) => memo.get(name, compute);
}

const matches = memoPerDictionary<Match>(200_000);

function resolve(dictionary: Dictionary, name: string): Match {
  const exact = matchExactly(dictionary, name);
  if (exact) return exact;
  for (const variant of fuzzyVariants(name)) {
    const hit = dictionary.fuzzy(variant);
    if (hit)
      return {
        ingredient: hit.ingredient,
        matchedName: hit.name,
        match: "fuzzy",
        confidence: hit.confidence,
      };
  }
  return UNKNOWN;
}

function fromHit(hit: NameHit): Match {
  return {
    ingredient: hit.ingredient,
    matchedName: hit.name,
    match: hit.isInci ? "exact" : "alias",
    confidence: 1,
  };
}

function matchExactly(dictionary: Dictionary, name: string): Match | null {
  const whole = dictionary.exact(name);
  if (whole) return fromHit(whole);
  const { outside, inside } = splitParentheses(name);
  if (inside.length > 0) {
    const outer = outside === "" ? null : matchExactly(dictionary, outside);
    const inner = firstHit(
      dictionary,
      inside.flatMap((s) => s.split(/\s*[/,]\s*/)),
    );
    // "Iron Oxides (CI 77492)": the colour index number is the more precise name.
    if (outer?.ingredient && inner && inner.ingredient !== outer.ingredient) {
      return CI.test(inner.name) ? fromHit(inner) : outer;
    }
    if (outer?.ingredient) return inner?.isInci ? fromHit(inner) : outer;
    if (inner) return fromHit(inner);
    // "Butyrospermum Parkii (Shea Butter)": the common name swallowed the part word.
    const part = /\s(\S+)$/.exec(inside[inside.length - 1] ?? "")?.[1];
    const withPart = part && outside !== "" ? dictionary.exact(`${outside} ${part}`) : null;
    if (withPart) return fromHit(withPart);
  }
  if (outside.includes("/")) {
    const part = firstHit(dictionary, outside.split("/"));
    if (part) return fromHit(part);
  }
  const unqualified = name.replace(QUALIFIER, "");
  if (unqualified !== name) return matchExactly(dictionary, unqualified);
  return null;
}

/** The first part that is a canonical INCI name, else the first that is an alias. */
function firstHit(dictionary: Dictionary, parts: string[]): NameHit | null {
  let alias: NameHit | null = null;
  for (const part of parts) {
    if (part.trim().length < 2) continue;
    const hit = dictionary.exact(part);
    if (hit?.isInci) return hit;
    alias ??= hit;
  }
  return alias;
}

/** "Helianthus Annuus (Sunflower) Seed Oil" -> outside "Helianthus Annuus Seed Oil", inside ["Sunflower"]. */
export function splitParentheses(name: string): { outside: string; inside: string[] } {
  const inside: string[] = [];
  const outside = name
    .replace(/\s*[([]([^()[\]]*)[)\]]\s*/g, (_m, content: string) => {
      if (content.trim() !== "") inside.push(content.trim());
      return " ";
    })
    .replace(/\s+/g, " ")
    .trim();
  return { outside, inside };
}

function fuzzyVariants(name: string): string[] {
  const { outside, inside } = splitParentheses(name.replace(QUALIFIER, ""));
  const variants = [outside, name];
  if (outside.includes("/")) variants.push(...outside.split("/"));
  variants.push(...inside);
  return [...new Set(variants.map((v) => v.trim()).filter((v) => v.length >= 5))];
}
