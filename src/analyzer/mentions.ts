/**
 * Which of a fixed set of words a lower-case text holds, found in one pass over the text. Pure.
 *
 * The parser guards each costly case-insensitive pattern with a cheap substring test: V8 runs a
 * plain search far faster than an alternation under the i flag, and most labels hold none of the
 * words. Each word must be part of every match of the pattern it guards, so that the test never
 * hides a match. Run one word at a time (`includes`) those tests read the whole label some twenty
 * times; an Aho-Corasick automaton built once at load reads it once, one table step per character.
 */
export class WordScanner {
  /** next[state + class of a character]: the state after reading it (states premultiplied). */
  private readonly next: Int32Array;
  /** found[state]: bit i set when word i ends at this state. */
  private readonly found: Int32Array;
  private readonly classes: number;
  /** Class of a UTF-16 code unit: 0 for every code unit no word holds. */
  private readonly classOf = new Map<number, number>();

  constructor(readonly words: readonly string[]) {
    if (words.length > 31) throw new Error("WordScanner: at most 31 words");
    for (const word of words)
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        if (!this.classOf.has(code)) this.classOf.set(code, this.classOf.size + 1);
      }
    this.classes = this.classOf.size + 1;
    const trie = buildTrie(words, (code) => this.classOf.get(code) ?? 0, this.classes);
    // States are stored premultiplied by the number of classes: one addition per character.
    this.next = trie.next.map((state) => state * this.classes);
    this.found = new Int32Array(this.next.length);
    trie.found.forEach((bits, state) => {
      this.found[state * this.classes] = bits;
    });
    this.byClass = new Int32Array(256).map((_, code) => this.classOf.get(code) ?? 0);
  }

  /** Latin-1 classes by code, the common case, read from an array rather than the map. */
  private readonly byClass: Int32Array;

  /** Bit i set when `lower` holds words[i]; `lower.includes(words[i])` for each i, in one pass. */
  scan(lower: string): number {
    const { next, found, byClass, classOf } = this;
    let state = 0;
    let seen = 0;
    // The length read once: read in the loop condition it is a megamorphic look-up per character,
    // labels arriving as strings of many internal kinds (sliced, two-byte, cons...).
    const length = lower.length;
    for (let i = 0; i < length; i++) {
      const code = lower.charCodeAt(i);
      state = next[state + (code < 256 ? (byClass[code] as number) : (classOf.get(code) ?? 0))] as number;
      seen |= found[state] as number;
    }
    return seen;
  }

  /** The bit mask of the given words (each one of `words`). */
  maskOf(subset: readonly string[]): number {
    let mask = 0;
    for (const word of subset) {
      const i = this.words.indexOf(word);
      if (i < 0) throw new Error(`WordScanner: unknown word ${word}`);
      mask |= 1 << i;
    }
    return mask;
  }
}

/** The automaton's full transition table: the trie of the words completed by failure links. */
function buildTrie(
  words: readonly string[],
  classOf: (code: number) => number,
  classes: number,
): { next: Int32Array; found: Int32Array } {
  const edges: number[][] = [new Array(classes).fill(-1)];
  const found: number[] = [0];
  words.forEach((word, w) => {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const cls = classOf(word.charCodeAt(i));
      const row = edges[state] as number[];
      if ((row[cls] as number) < 0) {
        row[cls] = edges.length;
        edges.push(new Array(classes).fill(-1));
        found.push(0);
      }
      state = row[cls] as number;
    }
    found[state] = (found[state] as number) | (1 << w);
  });
  // Breadth first, so that a state's failure state is complete before the state is.
  const fail = new Array<number>(edges.length).fill(0);
  const root = edges[0] as number[];
  const queue: number[] = [];
  for (let c = 0; c < classes; c++) {
    if ((root[c] as number) < 0) root[c] = 0;
    else if (root[c] !== 0) queue.push(root[c] as number);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const row = edges[state] as number[];
    found[state] = (found[state] as number) | (found[fail[state] as number] as number);
    for (let c = 0; c < classes; c++) {
      const via = (edges[fail[state] as number] as number[])[c] as number;
      if ((row[c] as number) < 0) row[c] = via;
      else {
        fail[row[c] as number] = via;
        queue.push(row[c] as number);
      }
    }
  }
  return { next: Int32Array.from(edges.flat()), found: Int32Array.from(found) };
}
