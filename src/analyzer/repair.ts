import type { Dictionary } from "./dictionary.js";
import { type Match, nameMatcher } from "./matcher.js";
import { memoPerDictionary } from "./memo.js";
import { itemWith } from "./parser-items.js";
import type { ParsedItem } from "./types.js";

/** An item and the ingredient its name resolves to. */
export interface MatchedItem {
  item: ParsedItem;
  match: Match;
}

/**
 * Mend the two commonest slips of scraped and OCR'd labels, using the dictionary, and only when
 * the result is made of real names: a name cut in two by a stray comma ("Hydroxyethyl
 * Acrylate/Sodium, Acryloyldimethyl Taurate Copolymer") and names run together with the comma
 * lost ("Water Glycerin"). Pure.
 */
export function repairItems(items: readonly ParsedItem[], dictionary: Dictionary): ParsedItem[] {
  return repairAndMatch(items, dictionary).map((m) => m.item);
}

/** repairItems, handing back the match of every item too: the repair needs them anyway. */
export function repairAndMatch(items: readonly ParsedItem[], dictionary: Dictionary): MatchedItem[] {
  const matchOf = nameMatcher(dictionary);
  const matches = items.map((item) => matchOf(item.name));
  const out: MatchedItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ParsedItem;
    const match = matches[i] as Match;
    const next = items[i + 1];
    const bothKnown = match.match !== "unknown" && matches[i + 1]?.match !== "unknown";
    if (next && next.section === item.section && next.group === item.group && !bothKnown) {
      const joined = joinedName(dictionary, item.name, next.name);
      if (joined) {
        const text = `${item.text}, ${next.text}`;
        const merged = itemWith(item, { text, name: joined, percent: item.percent ?? next.percent });
        out.push({ item: merged, match: matchOf(joined) });
        i++;
        continue;
      }
    }
    const parts = match.match === "unknown" ? rememberedSegments(dictionary, item.name) : null;
    if (parts === null) out.push({ item, match });
    else
      for (const name of parts) {
        out.push({
          item: itemWith(item, { text: name, name, marks: [...item.marks] }),
          match: matchOf(name),
        });
      }
  }
  return out;
}

const joins = memoPerDictionary<string | null>(50_000);

/** "Sodium" + "Acryloyldimethyl Taurate" read as one real name, with a space or a comma; else null. */
function joinedName(dictionary: Dictionary, first: string, second: string): string | null {
  // The same neighbours recur (an unknown name and what follows it): remember each pair's answer.
  // The length in front keeps the key unambiguous whatever characters the names hold.
  return joins(dictionary).get(`${first.length}:${first}${second}`, () => {
    for (const joined of [`${first} ${second}`, `${first},${second}`]) {
      if (isExactName(dictionary, joined)) return joined;
    }
    return null;
  });
}

// Only whole real names count here: no fuzzy guesses stitched together.
function isExactName(dictionary: Dictionary, name: string): boolean {
  return dictionary.exact(name) !== null;
}

const MAX_WORDS = 12;
const segments = memoPerDictionary<string[] | null>(50_000);

/** Unknown names recur too: remember how each one splits (or that it does not). */
function rememberedSegments(dictionary: Dictionary, name: string): string[] | null {
  return segments(dictionary).get(name, (n) => segment(n, (part) => isExactName(dictionary, part)));
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
