import { BoundedMemo } from "./memo.js";
import { cleanText, mentionsAny } from "./normalize.js";
import { classifyLine, isFootnoteText, removeDisclaimers, removeFreeOfClaims } from "./parser-lines.js";
import { splitItems } from "./parser-split.js";
import type { Group, ParsedItem, ParsedLabel, SkippedText } from "./types.js";

/**
 * Turn the text of a label, as people paste it, into ordered items and the pieces skipped.
 * Pure. Every non-blank piece of input ends up either in `items` or in `skipped`.
 */

/** "Ingredients:", "INGREDIENTS/INGRÉDIENTS:", "Active Ingredients:", "INCI:", "Composition:". */
const PREFIX =
  /(?:\b(active|inactive|other|key)\s+)?(?:ingr[eé]dients?|inci|composition|zutaten|ingredientes)(?:\s*\/\s*ingr[eé]dients?)?\s*:/gi;

// A word of every PREFIX, for mentionsAny.
const PREFIX_WORDS = ["ingr", "inci", "compos", "zutat"];

interface Block {
  kind: "list" | "heading" | "skip";
  text: string;
  why?: SkippedText["why"];
  /** A list block that follows an "Ingredients:" prefix. */
  prefixed?: boolean;
  /** "active"/"inactive" prefixes continue the same product. */
  prefixKind?: string;
}

export function parseLabel(input: string): ParsedLabel {
  const skipped: SkippedText[] = [];
  const cleaned = splitGluedPercents(cleanText(input));
  // Every later text is cut from this one: one lower-case copy serves all the cheap tests.
  const lower = cleaned.toLowerCase();
  const withoutDisclaimers = removeDisclaimers(cleaned, lower);
  for (const d of withoutDisclaimers.disclaimers) skipped.push({ text: d, why: "disclaimer" });
  const { text, claims } = removeFreeOfClaims(withoutDisclaimers.text, lower);
  for (const c of claims) skipped.push({ text: c, why: "marketing" });
  const blocks = markProductNames(toBlocks(text, lower));
  const hasCommaList = blocks.some((b) => b.kind === "list" && countSeparators(b.text) >= 2);
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
    if (hasCommaList && !block.prefixed && countSeparators(block.text) < 2 && /^[-•·*]/.test(block.text)) {
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
    addItems(block.text, section, items, skipped, lower);
  }
  if (pendingHeading !== "") skipped.push({ text: pendingHeading, why: "heading" });
  return { items, skipped, sections: sections.length > 0 ? sections : [""] };
}

/**
 * With several comma-separated lists in one text (kits, shades), a short line with no comma
 * right before a list is that product's name ("Shade 02 Medium").
 */
function markProductNames(blocks: Block[]): Block[] {
  const lists = blocks.filter((b) => b.kind === "list" && countSeparators(b.text) >= 2).length;
  if (lists < 2) return blocks;
  return blocks.map((block, i) => {
    const next = blocks[i + 1];
    const isName =
      block.kind === "list" &&
      !block.prefixed &&
      countSeparators(block.text) === 0 &&
      block.text.split(/\s+/).length <= 8 &&
      next?.kind === "list" &&
      countSeparators(next.text) >= 2;
    return isName ? { kind: "heading", text: block.text } : block;
  });
}

/** "Octisalate 5.0%Water": a percentage glued to the next name ends the item. */
function splitGluedPercents(text: string): string {
  return text.includes("%") ? text.replace(/(\d\s?%)(?=[A-Za-z])/g, "$1, ") : text;
}

function hasItemsIn(items: ParsedItem[], section: number): boolean {
  return items.some((i) => i.section === section);
}

function countSeparators(text: string): number {
  let count = 0;
  for (let i = text.indexOf(","); i >= 0; i = text.indexOf(",", i + 1)) count++;
  for (let i = text.indexOf(";"); i >= 0; i = text.indexOf(";", i + 1)) count++;
  return count;
}

/** Cut the text into lines and lines into blocks around "Ingredients:" prefixes. */
function toBlocks(text: string, lower: string): Block[] {
  const blocks: Block[] = [];
  // A cheap scan first: most labels hold no "Ingredients:" prefix at all.
  const mayHavePrefix = mentionsAny(lower, PREFIX_WORDS);
  for (const rawLine of text.split("\n")) {
    const line = rawLine.trim();
    if (line === "") continue;
    PREFIX.lastIndex = 0;
    const matches = mayHavePrefix ? [...line.matchAll(PREFIX)] : [];
    if (matches.length === 0) {
      blocks.push(classifyLine(line));
      continue;
    }
    let cursor = 0;
    for (const [i, m] of matches.entries()) {
      const start = m.index ?? 0;
      const before = line.slice(cursor, start).trim();
      if (before !== "") {
        // Text before the first prefix is a product name or heading; between prefixes it is a list.
        blocks.push(
          i === 0 ? { kind: "heading", text: before } : { kind: "list", text: before, prefixed: true },
        );
      }
      const end = start + m[0].length;
      const next = matches[i + 1]?.index ?? line.length;
      const body = line.slice(end, next).trim();
      const prefixKind = (m[1] ?? "").toLowerCase();
      if (body !== "") blocks.push({ kind: "list", text: body, prefixed: true, prefixKind });
      else blocks.push({ kind: "heading", text: "" });
      cursor = next;
    }
  }
  return blocks;
}

/** Split one list block into items, tracking "may contain" groups and footnotes. */
function addItems(
  text: string,
  section: number,
  items: ParsedItem[],
  skipped: SkippedText[],
  lower: string,
): void {
  let group: Group = "main";
  for (const piece of splitItems(text, lower)) {
    if (piece.kind === "group") {
      group = piece.group;
      continue;
    }
    let raw = piece.text;
    if (isFootnoteText(raw)) {
      skipped.push({ text: raw, why: "footnote" });
      continue;
    }
    // "Phenoxyethanol *Essential Oil": a footnote glued to the last item.
    const glued = /[*†‡]/.test(raw) ? /^(.*?[\p{L}\p{N})\]])\s*([*†‡]+\s*\p{L}.*)$/u.exec(raw) : null;
    if (glued?.[1] && glued[2] && isFootnoteText(glued[2])) {
      skipped.push({ text: glued[2], why: "footnote" });
      raw = glued[1];
    }
    const item = cachedItem(raw, piece.group ?? group, section);
    if (item === null) {
      if (/[\p{L}\p{N}]/u.test(raw)) skipped.push({ text: raw, why: "note" });
      continue;
    }
    items.push(...item);
  }
}

const MARKS = /^[*†‡+°¹²³⁴#^~]+|[*†‡+°¹²³⁴#^~]+$/g;
const MARK_CHARS = new Set("*†‡+°¹²³⁴#^~");
const LEADING_BULLET = /^[-•·]\s*/;
const PERCENT = /\s*[([]?\s*(?:<\s*)?(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:w\/w)?\s*[)\]]?/i;
const NANO = /\s*[([]\s*nano\s*[)\]]/i;
const CI_LIST = /^(?:CI\s*\d{5}\s*,\s*)+CI\s*\d{5}$/i;

// The same item texts recur in label after label ("Glycerin", "Water (Aqua)"): clean each once.
const ITEM_MEMO = new BoundedMemo<ParsedItem[] | null>(100_000);

function cachedItem(raw: string, group: Group, section: number): ParsedItem[] | null {
  const template = ITEM_MEMO.get(raw, (r) => toItem(r, "main", 0));
  if (template === null) return null;
  // Items are read-only once parsed, so the common case (first product, main group) shares them.
  if (group === "main" && section === 0) return template;
  return template.map((t) => ({ ...t, group, section }));
}

/**
 * Clean one item's text: marks, percentages, "(nano)", "and " joins, trailing full stops. Each
 * pattern runs only when a cheap test says it can apply: this is the hottest code of the parser.
 */
function toItem(raw: string, group: Group, section: number): ParsedItem[] | null {
  let name = raw.trim();
  const marks: string[] = [];
  if (LEADING_BULLET.test(name)) name = name.replace(LEADING_BULLET, "");
  if (/^(?:and|et|&)\s/i.test(name)) name = name.replace(/^(?:and|et|&)\s+/i, "");
  if (name.endsWith(".")) name = name.replace(/\.+$/, "");
  const lower = name.toLowerCase();
  let nano = false;
  if (lower.includes("nano") && NANO.test(name)) {
    nano = true;
    name = name.replace(NANO, "");
  }
  let percent: number | null = null;
  if (name.includes("%")) {
    const pct = PERCENT.exec(name);
    if (pct?.[1]) {
      percent = Number.parseFloat(pct[1].replace(",", "."));
      name = name.replace(PERCENT, " ");
    }
  }
  if (MARK_CHARS.has(name[0] ?? "") || MARK_CHARS.has(name[name.length - 1] ?? "")) {
    for (const m of name.match(MARKS) ?? []) marks.push(m);
    name = name.replace(MARKS, "");
  }
  if (/\s\s|[\t\n]|^\s|\s$/.test(name)) name = name.replace(/\s+/g, " ").trim();
  if (name.endsWith(".")) name = name.replace(/\.+$/, "").trim();
  if (!/[\p{L}\p{N}]/u.test(name)) return null;
  const base = { text: raw.trim(), group, section, percent, nano, marks };
  // "Iron Oxides (CI 77491, CI 77492)": the colour index numbers are the ingredients.
  const inner = name.endsWith(")") && lower.includes("ci") ? /^([^()]*)\(([^()]*)\)$/.exec(name) : null;
  if (inner?.[2] && CI_LIST.test(inner[2].trim())) {
    return inner[2].split(",").map((ci) => ({ ...base, name: ci.trim() }));
  }
  return [{ ...base, name }];
}
