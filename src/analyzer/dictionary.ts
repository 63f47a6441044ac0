import { distance } from "fastest-levenshtein";
import type { Ingredient } from "../ingredients/types.js";
import { compactKey, nameKey } from "./normalize.js";

/** A name that resolved to an ingredient. `isInci`: the name is the canonical INCI name. */
export interface NameHit {
  ingredient: Ingredient;
  name: string;
  isInci: boolean;
}

export interface FuzzyHit extends NameHit {
  distance: number;
  confidence: number;
}

interface KeyEntry {
  key: string;
  words: string[];
  digits: string;
  hit: NameHit;
}

/**
 * The in-memory ingredient dictionary: every INCI name and alias by normalised key, and length
 * buckets for fuzzy search. Built once per process from the stored ingredients; pure apart from
 * its memo of fuzzy look-ups (same input, same answer).
 */
export class Dictionary {
  readonly ingredients: readonly Ingredient[];
  private readonly byKey = new Map<string, NameHit>();
  /** null marks a compact key shared by two ingredients: never used. */
  private readonly byCompact = new Map<string, NameHit | null>();
  private readonly bySlug = new Map<string, Ingredient>();
  private readonly buckets: KeyEntry[][] = [];
  private readonly vocabulary = new Set<string>();
  private readonly fuzzyMemo = new Map<string, FuzzyHit | null>();

  constructor(ingredients: readonly Ingredient[]) {
    this.ingredients = ingredients;
    // Aliases first, then INCI names, so that an INCI name always wins a shared key.
    for (const ingredient of ingredients) {
      this.bySlug.set(ingredient.slug, ingredient);
      for (const alias of ingredient.aliases) this.addName(ingredient, alias.name, false);
    }
    for (const ingredient of ingredients) this.addName(ingredient, ingredient.inci, true);
    for (const [key, hit] of this.byKey) this.indexForFuzzy(key, hit);
  }

  get size(): number {
    return this.ingredients.length;
  }

  findBySlug(slug: string): Ingredient | undefined {
    return this.bySlug.get(slug);
  }

  /** Exact look-up on the normalised key, then on the letters-and-digits key when unambiguous. */
  exact(name: string): NameHit | null {
    const key = nameKey(name);
    return this.byKey.get(key) ?? this.byCompact.get(compactKey(key)) ?? null;
  }

  isKnownWord(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /**
   * Fuzzy look-up for a name that had no exact match: the closest name within a small edit
   * distance, accepted only when it is clearly best and the difference looks like a typo rather
   * than a different chemical (see `differsLikeAnotherChemical`).
   */
  fuzzy(name: string): FuzzyHit | null {
    const key = nameKey(name);
    const memo = this.fuzzyMemo.get(key);
    if (memo !== undefined) return memo;
    const hit = this.searchFuzzy(key);
    this.fuzzyMemo.set(key, hit);
    return hit;
  }

  private addName(ingredient: Ingredient, name: string, isInci: boolean): void {
    const key = nameKey(name);
    if (key === "") return;
    const existing = this.byKey.get(key);
    if (existing && (existing.isInci || (!isInci && existing.ingredient.source === "corpus"))) return;
    const hit = { ingredient, name, isInci };
    this.byKey.set(key, hit);
    this.addCompact(compactKey(key), hit);
  }

  private addCompact(compact: string, hit: NameHit): void {
    const other = this.byCompact.get(compact);
    if (other === undefined) this.byCompact.set(compact, hit);
    else if (other === null || other.ingredient === hit.ingredient || (other.isInci && !hit.isInci)) return;
    else this.byCompact.set(compact, hit.isInci && !other.isInci ? hit : null);
  }

  private indexForFuzzy(key: string, hit: NameHit): void {
    const words = wordsOf(key);
    for (const w of words) this.vocabulary.add(w);
    const bucket = this.buckets[key.length] ?? [];
    bucket.push({ key, words, digits: digitsOf(key), hit });
    this.buckets[key.length] = bucket;
  }

  private searchFuzzy(key: string): FuzzyHit | null {
    const length = key.length;
    if (length < 5) return null;
    const maxDistance = length <= 7 ? 1 : length <= 14 ? 2 : 3;
    const digits = digitsOf(key);
    const words = wordsOf(key);
    let best: KeyEntry | null = null;
    let bestDistance = maxDistance + 1;
    let runnerUp = maxDistance + 1;
    for (let len = length - maxDistance; len <= length + maxDistance; len++) {
      for (const entry of this.buckets[len] ?? []) {
        // A different number is a different ingredient (PEG-40 / PEG-60, CI 77491 / CI 77492).
        if (entry.digits !== digits) continue;
        const d = distance(key, entry.key);
        if (d > maxDistance) continue;
        if (d < bestDistance) {
          if (best && best.hit.ingredient !== entry.hit.ingredient) runnerUp = bestDistance;
          best = entry;
          bestDistance = d;
        } else if (best && best.hit.ingredient !== entry.hit.ingredient && d < runnerUp) {
          runnerUp = d;
        }
      }
    }
    if (!best || bestDistance > maxDistance || runnerUp <= bestDistance) return null;
    if (differsLikeAnotherChemical(words, best.words, this.vocabulary)) return null;
    const confidence = Math.round((1 - bestDistance / Math.max(length, best.key.length)) * 100) / 100;
    return { ...best.hit, distance: bestDistance, confidence: Math.min(confidence, 0.99) };
  }
}

function wordsOf(key: string): string[] {
  return key.split(/[^A-Z0-9]+/).filter((w) => w.length > 0);
}

function digitsOf(key: string): string {
  return (key.match(/\d+/g) ?? []).join(",");
}

// Endings whose swap names another chemical, not a typo: sulfATE/sulfITE, chlorIDE/chlorATE,
// laurETH/laurYL (ethoxylated versus not).
const STEM_SWAPS: ReadonlyArray<[RegExp, string]> = [
  [/ITE$/, "ATE"],
  [/ATE$/, "ITE"],
  [/IDE$/, "ATE"],
  [/ATE$/, "IDE"],
  [/ETH$/, "YL"],
  [/YL$/, "ETH"],
  [/IC$/, "OUS"],
  [/OUS$/, "IC"],
];

/**
 * True when the query and the candidate differ in a way that makes them different substances:
 * a word of the query that is itself a known word of the dictionary is changed or missing (the
 * query is a real name we do not know, not a typo), or a word differs only by a chemical stem.
 */
export function differsLikeAnotherChemical(
  query: readonly string[],
  candidate: readonly string[],
  vocabulary: ReadonlySet<string>,
): boolean {
  if (query.length === candidate.length) {
    for (let i = 0; i < query.length; i++) {
      const q = query[i] as string;
      const c = candidate[i] as string;
      if (q === c) continue;
      if (vocabulary.has(q)) return true;
      if (STEM_SWAPS.some(([from, to]) => from.test(q) && q.replace(from, to) === c)) return true;
    }
    return false;
  }
  const candidateWords = new Set(candidate);
  return query.some((q) => vocabulary.has(q) && !candidateWords.has(q) && q.length > 2);
}
