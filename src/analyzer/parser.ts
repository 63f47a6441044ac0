import { WordScanner } from "./mentions.js";
import { cleanText } from "./normalize.js";
import { addItems } from "./parser-items.js";
import {
  classifyLine,
  DISCLAIMER_WORDS,
  FREE_OF_WORDS,
  removeDisclaimers,
  removeFreeOfClaims,
} from "./parser-lines.js";
import { AND_WORDS, MAY_CONTAIN_WORDS } from "./parser-split.js";
import type { ParsedItem, ParsedLabel, SkippedText } from "./types.js";

/**
 * Turn the text of a label, as people paste it, into ordered items and the pieces skipped.
 * Pure. Every non-blank piece of input ends up either in `items` or in `skipped`.
 */

/** "Ingredients:", "INGREDIENTS/INGRÉDIENTS:", "Active Ingredients:", "INCI:", "Composition:". */
const PREFIX =
  /(?:\b(active|inactive|other|key)\s+)?(?:ingr[eé]dients?|inci|composition|zutaten|ingredientes)(?:\s*\/\s*ingr[eé]dients?)?\s*:/gi;

// A word of every PREFIX.
const PREFIX_WORDS = ["ingr", "inci", "compos", "zutat"];

/**
 * The words that guard the costly case-insensitive patterns, all found in one pass over the
 * lower-case label (see mentions.ts). Every later text is cut from that label (or made of pieces of
 * it joined by new lines), so a word it lacks is in none of them and the pattern need not run.
 */
const GUARDS = new WordScanner([
  ...new Set([...PREFIX_WORDS, ...DISCLAIMER_WORDS, ...FREE_OF_WORDS, ...MAY_CONTAIN_WORDS, ...AND_WORDS]),
]);
const PREFIX_MASK = GUARDS.maskOf(PREFIX_WORDS);
const DISCLAIMER_MASK = GUARDS.maskOf(DISCLAIMER_WORDS);
const FREE_OF_MASK = GUARDS.maskOf(FREE_OF_WORDS);
const MAY_CONTAIN_MASK = GUARDS.maskOf(MAY_CONTAIN_WORDS);
const AND_MASK = GUARDS.maskOf(AND_WORDS);

interface Block {
  kind: "list" | "heading" | "skip";
  text: string;
  why?: SkippedText["why"];
  /** A list block that follows an "Ingredients:" prefix. */
  prefixed?: boolean;
  /** "active"/"inactive" prefixes continue the same product. */
  prefixKind?: string;
  /** Commas and semicolons in a list block's text, counted up to 2 (0 for the other blocks). */
  separators: number;
}

export function parseLabel(input: string): ParsedLabel {
  const skipped: SkippedText[] = [];
  const cleaned = splitGluedPercents(cleanText(input));
  const seen = GUARDS.scan(cleaned.toLowerCase());
  const withoutDisclaimers = removeDisclaimers(cleaned, (seen & DISCLAIMER_MASK) !== 0);
  for (const d of withoutDisclaimers.disclaimers) skipped.push({ text: d, why: "disclaimer" });
  const { text, claims } = removeFreeOfClaims(withoutDisclaimers.text, (seen & FREE_OF_MASK) !== 0);
  for (const c of claims) skipped.push({ text: c, why: "marketing" });
  const blocks = markProductNames(toBlocks(text, (seen & PREFIX_MASK) !== 0));
  const hints = { mayContain: (seen & MAY_CONTAIN_MASK) !== 0, and: (seen & AND_MASK) !== 0 };
  const hasCommaList = blocks.some((b) => b.kind === "list" && b.separators >= 2);
  const items: ParsedItem[] = [];
  const sections: string[] = [];
  let section = -1;
  let pendingHeading = "";
  let afterList = false;
  let lastPrefix = "";
  for (const block of blocks) {
    if (block.kind === "skip") {
      skipped.push({ text: block.text, why: block.why ?? "note" });
      continue;
    }
    if (block.kind === "heading") {
      if (block.text !== "") pendingHeading = block.text;
      afterList = false;
      continue;
    }
    // A bullet without commas before a comma-separated list is a marketing line, not an ingredient.
    if (hasCommaList && !block.prefixed && block.separators < 2 && /^[-•·*]/.test(block.text)) {
      skipped.push({ text: block.text, why: "marketing" });
      continue;
    }
    // A list wrapped over several lines is one list; a new "Ingredients:" starts a new product,
    // except after "Active Ingredients:" (the inactive ones follow) or for "Inactive"/"Other".
    const continues = block.prefixed
      ? lastPrefix === "active" || block.prefixKind === "inactive" || block.prefixKind === "other"
      : afterList;
    if (block.prefixed) lastPrefix = block.prefixKind ?? "";
    if (section < 0 || (!continues && hasItemsIn(items, section))) {
      section += 1;
      sections.push(pendingHeading);
    } else if (pendingHeading !== "") {
      skipped.push({ text: pendingHeading, why: "heading" });
    }
    pendingHeading = "";
    afterList = true;
    addItems(block.text, section, hints, items, skipped);
  }
  if (pendingHeading !== "") skipped.push({ text: pendingHeading, why: "heading" });
  return { items, skipped, sections: sections.length > 0 ? sections : [""] };
}

/**
 * With several comma-separated lists in one text (kits, shades), a short line with no comma
 * right before a list is that product's name ("Shade 02 Medium").
 */
function markProductNames(blocks: Block[]): Block[] {
  const lists = blocks.filter((b) => b.kind === "list" && b.separators >= 2).length;
  if (lists < 2) return blocks;
  return blocks.map((block, i) => {
    const next = blocks[i + 1];
    const isName =
      block.kind === "list" &&
      !block.prefixed &&
      block.separators === 0 &&
      block.text.split(/\s+/).length <= 8 &&
      next?.kind === "list" &&
      next.separators >= 2;
    return isName ? { kind: "heading", text: block.text, separators: 0 } : block;
  });
}

/** "Octisalate 5.0%Water": a percentage glued to the next name ends the item. */
function splitGluedPercents(text: string): string {
  return text.includes("%") ? text.replace(/(\d\s?%)(?=[A-Za-z])/g, "$1, ") : text;
}

function hasItemsIn(items: ParsedItem[], section: number): boolean {
  return items.some((i) => i.section === section);
}

/**
 * Commas and semicolons in a text, counted up to 2: every test of the count asks only for none, one,
 * or at least two, and a long list then costs three searches rather than one per item.
 */
function countSeparators(text: string): number {
  let count = 0;
  for (let i = text.indexOf(","); i >= 0 && count < 2; i = text.indexOf(",", i + 1)) count++;
  for (let i = text.indexOf(";"); i >= 0 && count < 2; i = text.indexOf(";", i + 1)) count++;
  return count;
}

/** Cut the text into lines and lines into blocks around "Ingredients:" prefixes. */
function toBlocks(text: string, mayHavePrefix: boolean): Block[] {
  const blocks: Block[] = [];
  for (const rawLine of text.split("\n")) {
    const line = rawLine.trim();
    if (line === "") continue;
    PREFIX.lastIndex = 0;
    // Most labels hold no "Ingredients:" prefix at all: the label-wide scan says so at once.
    const matches = mayHavePrefix ? [...line.matchAll(PREFIX)] : [];
    if (matches.length === 0) {
      const block = classifyLine(line) as Block;
      block.separators = block.kind === "list" ? countSeparators(line) : 0;
      blocks.push(block);
      continue;
    }
    let cursor = 0;
    for (const [i, m] of matches.entries()) {
      const start = m.index ?? 0;
      const before = line.slice(cursor, start).trim();
      // Text before the first prefix is a product name or heading; between prefixes it is a list.
      if (before !== "") blocks.push(i === 0 ? heading(before) : prefixedList(before, undefined));
      const end = start + m[0].length;
      const next = matches[i + 1]?.index ?? line.length;
      const body = line.slice(end, next).trim();
      blocks.push(body !== "" ? prefixedList(body, (m[1] ?? "").toLowerCase()) : heading(""));
      cursor = next;
    }
  }
  return blocks;
}

function heading(text: string): Block {
  return { kind: "heading", text, separators: 0 };
}

function prefixedList(text: string, prefixKind: string | undefined): Block {
  const block: Block = { kind: "list", text, prefixed: true, separators: countSeparators(text) };
  if (prefixKind !== undefined) block.prefixKind = prefixKind;
  return block;
}
