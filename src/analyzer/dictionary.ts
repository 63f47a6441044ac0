import { distance } from "fastest-levenshtein";
import type { Ingredient } from "../ingredients/types.js";
import { BoundedMemo } from "./memo.js";
import { compactOfKey, nameKey } from "./normalize.js";

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
  private readonly vocabulary = new Set<string>();
  /**
   * Symmetric-delete index: every known word with one letter removed -> the known words,
   * space-separated (one string rather than an array per entry keeps the build fast).
   */
  private readonly deletes = new Map<string, string>();
  /** Bounded: a server fed never-repeating misspellings must not grow without limit. */
  private readonly fuzzyMemo = new BoundedMemo<FuzzyHit | null>(50_000);

  constructor(ingredients: readonly Ingredient[]) {
    this.ingredients = ingredients;
    // Aliases first, then INCI names, so that an INCI name always wins a shared key.
    for (const ingredient of ingredients) {
      this.bySlug.set(ingredient.slug, ingredient);
      for (const alias of ingredient.aliases) this.addName(ingredient, alias.name, false);
    }
    for (const ingredient of ingredients) this.addName(ingredient, ingredient.inci, true);
    for (const key of this.byKey.keys()) this.indexForFuzzy(key);
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
    return this.byKey.get(key) ?? this.byCompact.get(compactOfKey(key)) ?? null;
  }

  /**
   * Fuzzy look-up for a name that had no exact match: the closest name within a small edit
   * distance, accepted only when it is clearly best and the difference looks like a typo rather
   * than a different chemical (see `searchFuzzy` and `isStemSwap`).
   */
  fuzzy(name: string): FuzzyHit | null {
    const key = nameKey(name);
    return this.fuzzyMemo.get(key, (k) => this.searchFuzzy(k));
  }

  private addName(ingredient: Ingredient, name: string, isInci: boolean): void {
    const key = nameKey(name);
    if (key === "") return;
    const existing = this.byKey.get(key);
    if (existing && (existing.isInci || (!isInci && existing.ingredient.source === "corpus"))) return;
    const hit = { ingredient, name, isInci };
    this.byKey.set(key, hit);
    this.addCompact(compactOfKey(key), hit);
  }

  private addCompact(compact: string, hit: NameHit): void {
    const other = this.byCompact.get(compact);
    if (other === undefined) this.byCompact.set(compact, hit);
    else if (other === null || other.ingredient === hit.ingredient || (other.isInci && !hit.isInci)) return;
    else this.byCompact.set(compact, hit.isInci && !other.isInci ? hit : null);
  }

  private indexForFuzzy(key: string): void {
    for (const word of wordsOf(key)) {
      if (this.vocabulary.has(word)) continue;
      this.vocabulary.add(word);
      if (word.length < MIN_CORRECTED_LENGTH || /\d/.test(word)) continue;
      for (let i = 0; i < word.length; i++) {
        const variant = word.slice(0, i) + word.slice(i + 1);
        const list = this.deletes.get(variant);
        this.deletes.set(variant, list === undefined ? word : `${list} ${word}`);
      }
    }
  }

  /**
   * Fuzzy search corrects words, not whole names: each word of the query that is not a word of
   * any known name is replaced by the known words within a small edit distance (a symmetric
   * delete index, so a look-up costs microseconds), and the corrected name must then match
   * exactly. A known word is never changed (that would turn one real name into another), numbers
   * are never changed, and the result must be a single ingredient.
   */
  private searchFuzzy(key: string): FuzzyHit | null {
    // No real name is this long: a longer text is not a typo of one (and would be slow to try).
    if (key.length > MAX_FUZZY_LENGTH) return null;
    const tokens = key.split(/([^A-Z0-9]+)/);
    const options: string[][] = [];
    let corrected = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      if (i % 2 === 1 || token === "") {
        options.push([token]);
        continue;
      }
      const corrections = this.correctionsOf(token);
      if (corrections.length === 0) return null;
      if (corrections.length > 1 || corrections[0] !== token) corrected++;
      options.push(corrections);
    }
    if (corrected === 0) return null;
    const found = new Map<Ingredient, { hit: NameHit; name: string }>();
    for (const candidate of combinations(options, MAX_COMBINATIONS)) {
      const hit = this.byKey.get(candidate) ?? this.byCompact.get(compactOfKey(candidate)) ?? null;
      if (hit && !found.has(hit.ingredient)) found.set(hit.ingredient, { hit, name: candidate });
    }
    if (found.size !== 1) return null;
    const [{ hit, name }] = [...found.values()] as [{ hit: NameHit; name: string }];
    const edits = distance(key, name);
    const confidence = Math.round((1 - edits / Math.max(key.length, name.length)) * 100) / 100;
    return { ...hit, distance: edits, confidence: Math.min(confidence, 0.99) };
  }

  /** The word itself when known; else the closest known words (all of them on a tie); else none. */
  private correctionsOf(word: string): string[] {
    if (this.vocabulary.has(word)) {
      // A plural or singular of a known word is a spelling variant, not another substance.
      const other = word.endsWith("S") ? word.slice(0, -1) : `${word}S`;
      return this.vocabulary.has(other) ? [word, other] : [word];
    }
    if (word.length < MIN_CORRECTED_LENGTH || word.length > MAX_WORD_LENGTH || /\d/.test(word)) return [];
    const maxDistance = word.length >= 8 ? 2 : 1;
    const words = this.closestWords(word, maxDistance);
    // A short word has many neighbours: correct it only when exactly one is closest.
    if (word.length < 5 && words.length > 1) return [];
    return words.slice(0, 3);
  }

  private closestWords(word: string, maxDistance: number): string[] {
    let best = maxDistance + 1;
    let words: string[] = [];
    const seen = new Set<string>();
    for (const variant of [word, ...deletesOf(word)]) {
      const indexed = this.deletes.get(variant)?.split(" ") ?? [];
      const candidates = this.vocabulary.has(variant) ? [variant, ...indexed] : indexed;
      for (const candidate of candidates) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const d = distance(word, candidate);
        if (d > best || isStemSwap(word, candidate)) continue;
        if (d < best) {
          best = d;
          words = [];
        }
        words.push(candidate);
      }
    }
    return words;
  }
}

const MIN_CORRECTED_LENGTH = 3;
const MAX_FUZZY_LENGTH = 200;
const MAX_WORD_LENGTH = 40;
const MAX_COMBINATIONS = 16;

function deletesOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function* combinations(options: readonly string[][], limit: number): Generator<string> {
  let count = 0;
  const walk = function* (i: number, prefix: string): Generator<string> {
    if (count >= limit) return;
    if (i === options.length) {
      count++;
      yield prefix;
      return;
    }
    for (const option of options[i] as string[]) yield* walk(i + 1, prefix + option);
  };
  yield* walk(0, "");
}

function wordsOf(key: string): string[] {
  return key.split(/[^A-Z0-9]+/).filter((w) => w.length > 0);
}

// Endings whose swap names another chemical, not a typo: sulfATE/sulfITE, chlorIDE/chlorATE,
// laurETH/laurYL (ethoxylated versus not), ferrIC/ferrOUS.
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

/** True when two words differ only by a chemical stem (sulfATE/sulfITE): never a typo. */
export function isStemSwap(word: string, candidate: string): boolean {
  return STEM_SWAPS.some(([from, to]) => from.test(word) && word.replace(from, to) === candidate);
}
