import MiniSearch, { type SearchOptions, type SearchResult } from "minisearch";
import { isCorrectable, type NameDocument, termsOf } from "./documents.js";

/** A longer query is not a name being looked up; its extra words only cost time. */
export const MAX_TERMS = 8;

/**
 * Full-text search over the name documents with MiniSearch: BM25 scores, prefix and fuzzy
 * matching. `boost` gives each document's ranking boost (0 for a discarded one).
 */
export class FullTextIndex {
  // Names and queries are split into words by `termsOf` (lower case, no accents); documents arrive
  // as their words joined by spaces, so each name is split once for every index.
  private readonly mini = new MiniSearch<NameDocument>({
    fields: ["name"],
    tokenize: (text) => text.split(" "),
    processTerm: (term) => term,
  });
  private readonly options: SearchOptions;

  constructor(boost: (id: number) => number) {
    this.options = {
      tokenize: (text) => termsOf(text).slice(0, MAX_TERMS),
      processTerm: (term) => term,
      boostDocument: boost,
      prefix: (term) => term.length >= 3,
      fuzzy: false,
      combineWith: "AND",
    };
  }

  addAll(documents: readonly NameDocument[]): void {
    this.mini.addAll(documents);
  }

  discard(id: number): void {
    this.mini.discard(id);
  }

  /**
   * Words as typed first, every word required (AND), words of three letters or more also as a
   * prefix ("glycer" finds GLYCERIN and GLYCERYL ...). Only when that finds nothing are typos
   * corrected: a fuzzy match on a rare word would otherwise outrank an exact match on a common one
   * (BM25 weighs rare words up), and "extract" would list "EXRACT" misprints first. A search that
   * still finds nothing settles for any of its words (OR).
   */
  search(query: string): SearchResult[] {
    const asTyped = this.mini.search(query, this.options);
    if (asTyped.length > 0) return asTyped;
    if (!termsOf(query).some(isCorrectable)) {
      return this.mini.search(query, { ...this.options, combineWith: "OR" });
    }
    const fuzzy = {
      ...this.options,
      fuzzy: (term: string) => (isCorrectable(term) ? 0.2 : false),
      maxFuzzy: 2,
    };
    const corrected = this.mini.search(query, fuzzy);
    if (corrected.length > 0) return corrected;
    return this.mini.search(query, { ...fuzzy, combineWith: "OR" });
  }
}

/** True when some word of the query matched only as a typo (neither the word itself nor a prefix of it). */
export function isCorrection(result: SearchResult): boolean {
  return result.queryTerms.some((q) => !result.terms.some((t) => t.startsWith(q)));
}
