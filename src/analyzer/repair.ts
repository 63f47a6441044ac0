import type { Dictionary } from "./dictionary.js";
import { matchName } from "./matcher.js";
import type { ParsedItem } from "./types.js";

/**
 * Mend the two commonest slips of scraped and OCR'd labels, using the dictionary, and only when
 * the result is made of real names: a name cut in two by a stray comma ("Hydroxyethyl
 * Acrylate/Sodium, Acryloyldimethyl Taurate Copolymer") and names run together with the comma
 * lost ("Water Glycerin"). Pure.
 */
export function repairItems(items: readonly ParsedItem[], dictionary: Dictionary): ParsedItem[] {
  const known = (name: string) => matchName(dictionary, name).match !== "unknown";
  const exact = (name: string) => {
    const m = matchName(dictionary, name);
    return m.match === "exact" || m.match === "alias";
  };
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
    out.push(...(known(item.name) ? [item] : segment(item, exact)));
  }
  return out;
}

const MAX_WORDS = 12;

/** Split "Water Glycerin" into the fewest real names covering every word, or keep the item. */
function segment(item: ParsedItem, exact: (name: string) => boolean): ParsedItem[] {
  const words = item.name.split(/\s+/);
  if (words.length < 2 || words.length > MAX_WORDS) return [item];
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
  if (!Number.isFinite(count) || count < 2) return [item];
  const parts: ParsedItem[] = [];
  for (let end = words.length; end > 0; end = from[end] as number) {
    const name = words.slice(from[end] as number, end).join(" ");
    parts.unshift({ ...item, text: name, name, marks: [...item.marks] });
  }
  return parts;
}
