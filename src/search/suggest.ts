import { isCorrectable, type NameEntry } from "./documents.js";
import type { WordIndex } from "./words.js";

/**
 * Suggestions for a name being typed: every word must match, the last one as a prefix; a word in
 * no name is replaced by its closest known words. Work is bounded by the documents of the rarest
 * word of the query, never by the size of the dictionary.
 */
export interface Suggestion {
  entry: NameEntry;
  score: number;
  corrected: boolean;
}

/** What one word of the query stands for: a known word, every word it begins, or its corrections. */
interface Expansion {
  prefix: string | null;
  words: ReadonlySet<string>;
  corrected: boolean;
}

/** A suggestion that needed a typo correction weighs less than one matching as typed. */
const CORRECTED_WEIGHT = 0.6;
/** The name starts with what was typed ("glyc" -> GLYCERIN rather than POLYGLYCERYL...). */
const STARTS_WITH_BOOST = 2;

export function suggestNames(
  index: WordIndex,
  entries: ReadonlyArray<NameEntry | undefined>,
  terms: readonly string[],
  limit: number,
): Suggestion[] {
  const expansions: Expansion[] = [];
  for (let i = 0; i < terms.length; i++) {
    const expansion = expand(index, terms[i] as string, i === terms.length - 1);
    if (!expansion) return [];
    expansions.push(expansion);
  }
  const corrected = expansions.some((e) => e.corrected);
  // One or two letters match a word inside thousands of names: only names that begin with them
  // are worth suggesting (and scoring only those keeps "p" under a few milliseconds).
  const first = terms.length === 1 && (terms[0] as string).length < 3 ? (terms[0] as string) : null;
  const best = new Map<number, Suggestion>();
  // A name holding two words of the rarest expansion is scored twice: cheaper than a set of ids.
  for (const list of rarest(index, expansions)) {
    for (const id of list) {
      const entry = entries[id];
      if (!entry || (first !== null && !entry.terms[0]?.startsWith(first))) continue;
      const score = scoreOf(entry, expansions, terms);
      if (score === 0) continue;
      const current = best.get(entry.ingredient.id);
      if (!current || current.score < score) best.set(entry.ingredient.id, { entry, score, corrected });
    }
  }
  return topScores([...best.values()], limit);
}

/** The `limit` best, best first, without sorting every candidate (a one-letter prefix has thousands). */
function topScores(all: Suggestion[], limit: number): Suggestion[] {
  const top: Suggestion[] = [];
  for (const s of all) {
    if (top.length === limit && (top[limit - 1] as Suggestion).score >= s.score) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1] as Suggestion).score < s.score) at--;
    top.splice(at, 0, s);
    if (top.length > limit) top.pop();
  }
  return top;
}

function expand(index: WordIndex, term: string, last: boolean): Expansion | null {
  if (index.has(term) && !last) return { prefix: null, words: new Set([term]), corrected: false };
  if ((last || term.length >= 3) && index.hasPrefix(term)) {
    return { prefix: term, words: new Set(), corrected: false };
  }
  if (!isCorrectable(term)) return null;
  const corrections = index.corrections(term, last);
  if (corrections.length === 0) return null;
  const words = new Set(last ? corrections.flatMap((c) => index.startingWith(c)) : corrections);
  return { prefix: null, words, corrected: true };
}

/** The posting lists of the query word with the fewest documents: every suggestion holds that word. */
function rarest(index: WordIndex, expansions: readonly Expansion[]): ReadonlyArray<readonly number[]> {
  let smallest: ReadonlyArray<readonly number[]> = [];
  let smallestSize = Number.POSITIVE_INFINITY;
  for (const expansion of expansions) {
    const words = expansion.prefix === null ? [...expansion.words] : index.startingWith(expansion.prefix);
    const lists = words.map((w) => index.documentsWith(w));
    const size = lists.reduce((sum, list) => sum + list.length, 0);
    if (size < smallestSize) {
      smallest = lists;
      smallestSize = size;
    }
  }
  return smallest;
}

/** 0 when a word of the query is missing from the name; otherwise higher is better. */
function scoreOf(entry: NameEntry, expansions: readonly Expansion[], typed: readonly string[]): number {
  let completion = 1;
  for (const expansion of expansions) {
    let shortest = Number.POSITIVE_INFINITY;
    for (const term of entry.terms) {
      const hit = expansion.prefix === null ? expansion.words.has(term) : term.startsWith(expansion.prefix);
      if (hit && term.length < shortest) shortest = term.length;
    }
    if (shortest === Number.POSITIVE_INFINITY) return 0;
    // A prefix that is most of the word ranks above one that is a small part of it.
    if (expansion.prefix !== null) completion *= 0.5 + (0.5 * expansion.prefix.length) / shortest;
    if (expansion.corrected) completion *= CORRECTED_WEIGHT;
  }
  const extraWords = Math.max(0, entry.terms.length - expansions.length);
  const startsWith = startsWithTyped(entry.terms, typed) ? STARTS_WITH_BOOST : 1;
  return (entry.boost * completion * startsWith) / (1 + 0.2 * extraWords);
}

/** The name's first words are the words typed, the last one possibly incomplete. */
function startsWithTyped(terms: readonly string[], typed: readonly string[]): boolean {
  const last = typed.length - 1;
  for (let i = 0; i < last; i++) if (terms[i] !== typed[i]) return false;
  return terms[last]?.startsWith(typed[last] as string) ?? false;
}
