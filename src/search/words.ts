import { distance } from "fastest-levenshtein";

/**
 * Every word of every indexed name, sorted, with the documents that hold it: what suggestions
 * need to expand a word being typed ("p", "hyd") in microseconds. (MiniSearch scores every
 * document of every expanded word, which takes tens of milliseconds for a one-letter prefix over
 * the full inventory.) Also corrects a word that is in no name, by edit distance.
 */
export class WordIndex {
  /** word -> the word itself (one shared copy) and the documents holding it. */
  private readonly postings = new Map<string, { word: string; ids: number[] }>();
  private sorted: string[] = [];
  private dirty = false;

  /**
   * Index a document's words. Each word in `terms` is replaced by the index's own copy: the 110,000
   * words of the full inventory's names are 13,000 distinct strings.
   */
  add(id: number, terms: string[]): void {
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      const posting = this.postings.get(term);
      if (!posting) {
        this.postings.set(term, { word: term, ids: [id] });
        this.dirty = true;
        continue;
      }
      terms[i] = posting.word;
      if (terms.indexOf(term) === i) posting.ids.push(id);
    }
  }

  remove(id: number, terms: readonly string[]): void {
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      if (terms.indexOf(term) < i) continue;
      const posting = this.postings.get(term);
      const at = posting?.ids.indexOf(id) ?? -1;
      if (!posting || at < 0) continue;
      posting.ids.splice(at, 1);
      if (posting.ids.length === 0) {
        this.postings.delete(term);
        this.dirty = true;
      }
    }
  }

  /** Re-sort the vocabulary after adding or removing words (once per update, not per document). */
  seal(): void {
    if (!this.dirty) return;
    this.sorted = [...this.postings.keys()].sort();
    this.dirty = false;
  }

  get size(): number {
    return this.postings.size;
  }

  has(word: string): boolean {
    return this.postings.has(word);
  }

  documentsWith(word: string): readonly number[] {
    return this.postings.get(word)?.ids ?? [];
  }

  /** The known words that start with `prefix`, in order. */
  startingWith(prefix: string): string[] {
    const out: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.sorted.length; i++) {
      const word = this.sorted[i] as string;
      if (!word.startsWith(prefix)) break;
      out.push(word);
    }
    return out;
  }

  hasPrefix(prefix: string): boolean {
    return (this.sorted[this.lowerBound(prefix)] ?? "").startsWith(prefix);
  }

  /**
   * The closest known words to a word found in no name: one edit for words under 8 letters, two
   * from 8 (as MiniSearch's fuzzy 0.2). `asPrefix`: the word is still being typed, so compare it with
   * the beginnings of known words. Only words with the same first letter are tried: a typo there
   * is rare, and the alphabetical range keeps a look-up under a millisecond.
   */
  corrections(word: string, asPrefix: boolean): string[] {
    const max = word.length >= 8 ? 2 : 1;
    let best = max + 1;
    let found: string[] = [];
    for (let i = this.lowerBound(word[0] ?? ""); i < this.sorted.length; i++) {
      const known = this.sorted[i] as string;
      if (known[0] !== word[0]) break;
      if (asPrefix ? known.length < word.length - max : Math.abs(known.length - word.length) > max) continue;
      const d = asPrefix ? prefixDistance(word, known, max) : distance(word, known);
      if (d > best) continue;
      if (d < best) {
        best = d;
        found = [];
      }
      found.push(known);
    }
    // Many equally close words: the word is too ambiguous to correct.
    return found.length > 20 ? [] : found;
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.sorted[mid] as string) < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Distance from a partly typed word to the closest beginning of `known` (one letter more or less). */
function prefixDistance(typed: string, known: string, max: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let extra = -max; extra <= max; extra++) {
    const length = typed.length + extra;
    if (length < 1 || length > known.length) continue;
    best = Math.min(best, distance(typed, known.slice(0, length)));
  }
  return best;
}
