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

/** A word of every DISCLAIMER phrase: the caller tells whether the text holds one (see mentions.ts). */
export const DISCLAIMER_WORDS = [
  "time to time",
  "refer to the",
  "date list of ingredients",
  "subject to change",
  "for the most",
];

/**
 * Cut out every sentence holding a disclaimer phrase. The phrase is found first and the sentence
 * widened around it: a pattern that starts by scanning for the sentence would be quadratic.
 */
export function removeDisclaimers(text: string, mayHold = true): { text: string; disclaimers: string[] } {
  if (!mayHold) return { text, disclaimers: [] };
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

// "Free of parabens, sulfates, phthalates." names what a product does NOT contain: never a list.
const FREE_OF =
  /\b(?:free (?:of|from)|formulated without|(?:does|do) not contain|contains? no|made without|formulated free|we never use|no added)\b/gi;

/** A word of every FREE_OF phrase: the caller tells whether the text holds one. */
export const FREE_OF_WORDS = ["free", "without", "contain", "never use", "no added"];

/** Cut out every sentence that lists what a product is free of, as "marketing". */
export function removeFreeOfClaims(text: string, mayHold = true): { text: string; claims: string[] } {
  if (!mayHold) return { text, claims: [] };
  const claims: string[] = [];
  let rest = text;
  FREE_OF.lastIndex = 0;
  for (let m = FREE_OF.exec(rest); m !== null; m = FREE_OF.exec(rest)) {
    const at = m.index;
    const start = Math.max(rest.lastIndexOf(". ", at) + 1, rest.lastIndexOf("\n", at) + 1, 0);
    const sentenceEnd = /\.(?:\s|$)|\n/g;
    sentenceEnd.lastIndex = at;
    const end = sentenceEnd.exec(rest);
    const stop = end ? end.index + 1 : rest.length;
    claims.push(rest.slice(start, stop).trim());
    rest = `${rest.slice(0, start)}\n${rest.slice(stop)}`;
    FREE_OF.lastIndex = start + 1;
  }
  return { text: rest, claims };
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
  // The opening words decide: an ingredient list does not start with "the", "and", "helps"...
  const words = (
    line
      .slice(0, 160)
      .toLowerCase()
      .match(/[\p{L}']+/gu) ?? []
  ).slice(0, 20);
  if (words.length < 6) return false;
  const function_ = words.filter((w) => FUNCTION_WORDS.has(w)).length;
  return function_ / words.length >= 0.2;
}

// Front-of-pack claims standing alone ("Vegan. Cruelty-free. Gluten-free.").
const CLAIM_WORD =
  /^(?:100% )?(?:vegan|vegetarian|cruelty[- ]free|gluten[- ]free|soy[- ]free|dairy[- ]free|non[- ]?gmo|(?:paraben|sulfate|silicone|fragrance|oil|alcohol|phthalate)[- ]free|non[- ]?comedogenic|hypoallergenic|dermatologist[- ]tested|sustainably sourced|clean at sephora|made in [a-z ]+)$/i;

function isClaimLine(line: string): boolean {
  // Most lines are ingredient lists: their first part already says no, so the rest is never split.
  const first = /^[.,;!\s]*([^.,;!]*)/.exec(line)?.[1]?.trim() ?? "";
  if (first === "" || !CLAIM_WORD.test(first)) return false;
  const parts = line
    .split(/[.,;!]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.every((p) => CLAIM_WORD.test(p));
}

export function classifyLine(line: string): LineBlock {
  if (NOT_A_LIST.test(line)) return { kind: "skip", text: line, why: "not_a_list" };
  if (isClaimLine(line)) return { kind: "skip", text: line, why: "marketing" };
  if (isFootnoteText(line) && (line.match(/,/g) ?? []).length < 2)
    return { kind: "skip", text: line, why: "footnote" };
  // "-Hyaluronic Acid: Hydrates and plumps." is a marketing bullet, not part of the list.
  if (/^[-•·*]\s*[^,:]{1,120}:\s*\S/.test(line)) return { kind: "skip", text: line, why: "marketing" };
  if (/^[^,;]{1,120}:$/.test(line)) return { kind: "heading", text: line.slice(0, -1).trim() };
  if (looksLikeSentence(line)) return { kind: "skip", text: line, why: "marketing" };
  return { kind: "list", text: line };
}
