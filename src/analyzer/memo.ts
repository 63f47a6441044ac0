import type { Dictionary } from "./dictionary.js";

/**
 * Remember answers that recur across labels, keyed by a string, bounded so that a stream of
 * never-repeating input cannot grow memory without limit (the whole memo is dropped when full).
 */
export class BoundedMemo<V extends NonNullable<unknown> | null> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: (key: string) => V): V {
    // One hash look-up on a hit, the common case: a stored value is never undefined.
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}

/** One memo per dictionary: answers about one dictionary never leak into another. */
export function memoPerDictionary<V extends NonNullable<unknown> | null>(
  limit: number,
): (dictionary: Dictionary) => BoundedMemo<V> {
  const memos = new WeakMap<Dictionary, BoundedMemo<V>>();
  return (dictionary) => {
    let memo = memos.get(dictionary);
    if (!memo) {
      memo = new BoundedMemo<V>(limit);
      memos.set(dictionary, memo);
    }
    return memo;
  };
}
