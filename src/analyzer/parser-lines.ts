import type { SkippedText } from "./types.js";

/** Line-level classification for the label parser. Pure. */

export interface LineBlock {
  kind: "list" | "heading" | "skip";
  text: string;
  why?: SkippedText["why"];
}

// Retailer disclaimers seen around real lists ("Please refer to the ingredient list on the product package").
const DISCLAIMER =
  /may change or vary from time to time|refer to the (?:ingredient list|product packaging|packaging)|up[- ]to[- ]date list of ingredients|ingredient lists? (?:are|is) subject to change|for the most (?:current|complete|accurate) (?:list|ingredient)/gi;

/**
 * Cut out every sentence holding a disclaimer phrase. The phrase is found first and the sentence
 * widened around it: a pattern that starts by scanning for the sentence would be quadratic.
 */
export function removeDisclaimers(text: string): { text: string; disclaimers: string[] } {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(DISCLAIMER)) {
    const at = m.index ?? 0;
    const start = Math.max(text.lastIndexOf(".", at - 1), text.lastIndexOf("\n", at - 1)) + 1;
    const stops = [text.indexOf(".", at + m[0].length), text.indexOf("\n", at + m[0].length)].filter(
      (i) => i >= 0,
    );
    const end = stops.length > 0 ? Math.min(...stops) + 1 : text.length;
    const last = ranges[ranges.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  if (ranges.length === 0) return { text, disclaimers: [] };
  const disclaimers: string[] = [];
  let rest = "";
  let cursor = 0;
  for (const [start, end] of ranges) {
    rest += `${text.slice(cursor, start)}\n`;
    disclaimers.push(text.slice(start, end).trim());
    cursor = end;
  }
  return { text: rest + text.slice(cursor), disclaimers };
}

const NOT_A_LIST =
  /^(?:no info(?:rmation)?|n\/a|none|#name\?|visit the .{1,80} boutique|coming soon|see packaging)\.?$/i;
const FUNCTION_WORDS = new Set(
  "the a an and to of with for your you is are this that it helps help while from in on by as its our be can will skin".split(
    " ",
  ),
);

const FOOTNOTE_WORDS =
  /organic|natural|origin|certified|derived|fair\s*trade|farming|ingredient|wild|biolog|ecocert|cosmos|from\s|essential oil|grade|constituent|component|naturally occurring|present in|vegan|sustainabl/i;

/** Footnotes such as "*Organic", "**Certified organic ingredients", "† Natural origin". */
export function isFootnoteText(text: string): boolean {
  const t = text.trim();
  if (!/^[*†‡°¹²³#^~+]/.test(t)) return false;
  return FOOTNOTE_WORDS.test(t);
}

function looksLikeSentence(line: string): boolean {
  const words = line.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 6) return false;
  const function_ = words.filter((w) => FUNCTION_WORDS.has(w)).length;
  return function_ / words.length >= 0.2;
}

export function classifyLine(line: string): LineBlock {
  if (NOT_A_LIST.test(line)) return { kind: "skip", text: line, why: "not_a_list" };
  if (isFootnoteText(line) && (line.match(/,/g) ?? []).length < 2)
    return { kind: "skip", text: line, why: "footnote" };
  // "-Hyaluronic Acid: Hydrates and plumps." is a marketing bullet, not part of the list.
  if (/^[-•·*]\s*[^,:]{1,120}:\s*\S/.test(line)) return { kind: "skip", text: line, why: "marketing" };
  if (/^[^,;]{1,120}:$/.test(line)) return { kind: "heading", text: line.slice(0, -1).trim() };
  if (looksLikeSentence(line)) return { kind: "skip", text: line, why: "marketing" };
  return { kind: "list", text: line };
}
