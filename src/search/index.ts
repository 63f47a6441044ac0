import type { Dictionary } from "../analyzer/dictionary.js";
import { nameKey } from "../analyzer/normalize.js";
import type { Ingredient } from "../ingredients/types.js";
import { type NameDocument, type NameEntry, namesOf, sameDocuments, termsOf } from "./documents.js";
import { FullTextIndex, isCorrection, MAX_TERMS } from "./full-text.js";
import { RegistryIndex, registryNumberOf } from "./registry.js";
import { suggestNames } from "./suggest.js";
import { WordIndex } from "./words.js";

/**
 * How a hit was found: `exact` (the whole query is one of its names, or its CAS/EC number),
 * `number` (a CAS/EC number starting with the query), `corrected` (words matched after a typo
 * correction), `words` (its name contains the words of the query).
 */
export type HitKind = "exact" | "number" | "corrected" | "words";

export interface SearchHit {
  ingredient: Ingredient;
  /** The name (INCI name, display name, alias) or CAS/EC number that matched. */
  matchedName: string;
  kind: HitKind;
}

export interface SearchResults {
  /** Best match first, each ingredient once. */
  hits: SearchHit[];
  /** The best hit's matched name when it was found only by correcting a typo: "did you mean ...?". */
  didYouMean: string | null;
}

export interface IndexUpdate {
  added: number;
  replaced: number;
  removed: number;
  ms: number;
}

const EMPTY: SearchResults = { hits: [], didYouMean: null };
export const MAX_SUGGESTIONS = 20;
/**
 * Recent answers are remembered until the next update (queries recur: "niacinamide", a typed
 * prefix). Bounded: at most 1,000 queries, and a search answer only when it has at most 200 hits,
 * so that a stream of broad queries cannot fill memory.
 */
const MEMO_MAX_HITS = 200;
const MEMO_ENTRIES = 1000;

/**
 * The in-process search over every name, alias and CAS/EC number of the dictionary: typo-tolerant
 * (MiniSearch fuzzy matching), prefix matching for suggestions, best match first. An exact name or
 * number always ranks first. `update` replaces only the documents of ingredients that changed.
 * Not thread-safe by design: Node runs `update` and `search` on one thread, so each is atomic.
 */
export class SearchIndex {
  private readonly fullText = new FullTextIndex((id) => this.entries[id]?.boost ?? 0);
  private readonly entries: Array<NameEntry | undefined> = [];
  private readonly words = new WordIndex();
  /** Per ingredient id: the version indexed and its documents (consecutive ids). */
  private readonly documents = new Map<number, IndexedIngredient>();
  private nextId = 0;
  private dictionary: Dictionary | null = null;
  /** Counts updates: an indexed ingredient not seen in the latest one was removed. */
  private generation = 0;
  private registry = new RegistryIndex([]);
  private alphabetical: readonly Ingredient[] = [];
  private searchMemo = new Map<string, SearchResults>();
  private suggestMemo = new Map<string, SearchHit[]>();

  static build(dictionary: Dictionary): SearchIndex {
    const index = new SearchIndex();
    index.update(dictionary);
    return index;
  }

  get size(): number {
    return this.documents.size;
  }

  /** Take a newly loaded dictionary: documents of new, changed and removed ingredients only. */
  update(dictionary: Dictionary): IndexUpdate {
    const started = performance.now();
    const report = { added: 0, replaced: 0, removed: 0 };
    const generation = ++this.generation;
    const additions: NameDocument[] = [];
    for (const ingredient of dictionary.ingredients) {
      const current = this.documents.get(ingredient.id);
      if (current && sameDocuments(current.ingredient, ingredient)) {
        // Same names, maybe other facts (functions): hits must carry the new version.
        this.adopt(current, ingredient, generation);
        continue;
      }
      if (current) {
        this.discard(current);
        report.replaced++;
      } else report.added++;
      this.documents.set(ingredient.id, this.documentsOf(ingredient, generation, additions));
    }
    for (const [id, current] of this.documents) {
      if (current.generation === generation) continue;
      this.discard(current);
      this.documents.delete(id);
      report.removed++;
    }
    this.fullText.addAll(additions);
    this.words.seal();
    this.dictionary = dictionary;
    this.registry = new RegistryIndex(dictionary.ingredients);
    this.alphabetical = [...dictionary.ingredients].sort((a, b) =>
      a.inci < b.inci ? -1 : a.inci > b.inci ? 1 : 0,
    );
    this.searchMemo = new Map();
    this.suggestMemo = new Map();
    return { ...report, ms: Math.round(performance.now() - started) };
  }

  /** Every ingredient by INCI name: what an empty query lists. */
  all(): readonly Ingredient[] {
    return this.alphabetical;
  }

  /** Every matching ingredient, best first. */
  search(query: string): SearchResults {
    const key = nameKey(query.slice(0, 200));
    if (key === "") return EMPTY;
    const memo = this.searchMemo.get(key);
    if (memo) return memo;
    const results = this.rank(key);
    if (results.hits.length <= MEMO_MAX_HITS) remember(this.searchMemo, key, results);
    return results;
  }

  /** The first few ingredients for a query being typed (the last word may be incomplete). */
  suggest(query: string, limit = 8): SearchHit[] {
    const key = nameKey(query.slice(0, 200));
    if (key === "") return [];
    let hits = this.suggestMemo.get(key);
    if (!hits) {
      hits = this.suggestUncached(key);
      remember(this.suggestMemo, key, hits);
    }
    return hits.slice(0, limit);
  }

  private suggestUncached(key: string): SearchHit[] {
    const { hits, add, number } = this.exactHits(key);
    if (number !== null) return hits.slice(0, MAX_SUGGESTIONS);
    const terms = termsOf(key).slice(0, MAX_TERMS);
    for (const { entry, corrected } of suggestNames(this.words, this.entries, terms, MAX_SUGGESTIONS)) {
      add(entry.ingredient, entry.name, corrected ? "corrected" : "words");
    }
    return hits.slice(0, MAX_SUGGESTIONS);
  }

  /** The whole query as a name or a CAS/EC number: these always rank first. */
  private exactHits(key: string) {
    const hits: SearchHit[] = [];
    const seen = new Set<number>();
    const add = (ingredient: Ingredient, matchedName: string, kind: HitKind) => {
      if (seen.has(ingredient.id)) return;
      seen.add(ingredient.id);
      hits.push({ ingredient, matchedName, kind });
    };
    const exact = this.dictionary?.exact(key);
    if (exact) add(exact.ingredient, exact.name, "exact");
    const number = registryNumberOf(key);
    if (number !== null) {
      for (const m of this.registry.exact(number)) add(m.ingredient, m.number, "exact");
      for (const m of this.registry.startingWith(number)) add(m.ingredient, m.number, "number");
    }
    return { hits, add, number };
  }

  private rank(key: string): SearchResults {
    const { hits, add, number } = this.exactHits(key);
    if (number !== null) return { hits, didYouMean: null };
    const results = this.fullText.search(key);
    let didYouMean: string | null = null;
    for (const result of results) {
      const entry = this.entries[result.id as number];
      if (!entry) continue;
      const corrected = isCorrection(result);
      if (hits.length === 0 && corrected) didYouMean = entry.name;
      add(entry.ingredient, entry.name, corrected ? "corrected" : "words");
    }
    return { hits, didYouMean };
  }

  private documentsOf(ingredient: Ingredient, generation: number, into: NameDocument[]): IndexedIngredient {
    const first = this.nextId;
    for (const { name, boost, terms } of namesOf(ingredient)) {
      const id = this.nextId++;
      this.words.add(id, terms);
      this.entries[id] = { ingredient, name, boost, terms };
      into.push({ id, name: terms.join(" ") });
    }
    return { ingredient, generation, first, count: this.nextId - first };
  }

  private adopt(indexed: IndexedIngredient, ingredient: Ingredient, generation: number): void {
    indexed.ingredient = ingredient;
    indexed.generation = generation;
    for (let id = indexed.first; id < indexed.first + indexed.count; id++) {
      const entry = this.entries[id];
      if (entry) entry.ingredient = ingredient;
    }
  }

  private discard({ first, count }: IndexedIngredient): void {
    for (let id = first; id < first + count; id++) {
      this.fullText.discard(id);
      const entry = this.entries[id];
      if (entry) this.words.remove(id, entry.terms);
      this.entries[id] = undefined;
    }
  }
}

interface IndexedIngredient {
  ingredient: Ingredient;
  generation: number;
  first: number;
  count: number;
}

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_ENTRIES) memo.clear();
  memo.set(key, value);
}
