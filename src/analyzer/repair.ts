import type { Dictionary } from "./dictionary.js";
import { matchName } from "./matcher.js";
import { memoPerDictionary } from "./memo.js";
import type { ParsedItem } from "./types.js";

/**
 * Mend the two commonest slips of scraped and OCR'd labels, using the dictionary, and only when
 * the result is made of real names: a name cut in two by a stray comma ("Hydroxyethyl
 * Acrylate/Sodium, Acryloyldimethyl Taurate Copolymer") and names run together with the comma
 * lost ("Water Glycerin"). Pure.
 */
export function repairItems(items: readonly ParsedItem[], dictionary: Dictionary): ParsedItem[] {
  const known = (name: string) => matchName(dictionary, name).match !== "unknown";
  // Only whole real names count here: no fuzzy guesses stitched together.
  const exact = (name: string) => dictionary.exact(name) !== null;
  const out: ParsedItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ParsedItem;
    const next = items[i + 1];
    if (
      next &&
      next.section === item.section &&
      next.group === item.group &&
      (!known(item.name) || !known(next.name))
    ) {
      const joined = [`${item.name} ${next.name}`, `${item.name},${next.name}`].find(exact);
      if (joined) {
        out.push({
          ...item,
          text: `${item.text}, ${next.text}`,
          name: joined,
          percent: item.percent ?? next.percent,
        });
        i++;
        continue;
      }
    }
    if (known(item.name)) {
      out.push(item);
      continue;
    }
    const parts = rememberedSegments(dictionary, item.name, exact);
    if (parts === null) out.push(item);
    else for (const name of parts) out.push({ ...item, text: name, name, marks: [...item.marks] });
  }
  return out;
}

const MAX_WORDS = 12;
const segments = memoPerDictionary<string[] | null>(50_000);

/** Unknown names recur too: remember how each one splits (or that it does not). */
function rememberedSegments(dictionary: Dictionary, name: string, exact: (name: string) => boolean) {
  return segments(dictionary).get(name, (n) => segment(n, exact));
}

/** Split "Water Glycerin" into the fewest real names covering every word; null when it cannot. */
function segment(name: string, exact: (name: string) => boolean): string[] | null {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > MAX_WORDS) return null;
  // best[i]: fewest names covering words[0..i); from[i]: where the last of them starts.
  const best: number[] = [0];
  const from: number[] = [0];
  for (let end = 1; end <= words.length; end++) {
    best[end] = Number.POSITIVE_INFINITY;
    for (let start = 0; start < end; start++) {
      const before = best[start] as number;
      if (before + 1 >= (best[end] as number) || !Number.isFinite(before)) continue;
      if (exact(words.slice(start, end).join(" "))) {
        best[end] = before + 1;
        from[end] = start;
      }
    }
  }
  const count = best[words.length] as number;
  if (!Number.isFinite(count) || count < 2) return null;
  const parts: string[] = [];
  for (let end = words.length; end > 0; end = from[end] as number) {
    parts.unshift(words.slice(from[end] as number, end).join(" "));
  }
  return parts;
}
