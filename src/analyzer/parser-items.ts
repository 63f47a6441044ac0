import { BoundedMemo } from "./memo.js";
import { isFootnoteText } from "./parser-lines.js";
import { type SplitHints, splitItems } from "./parser-split.js";
import type { Group, ParsedItem, SkippedText } from "./types.js";

/** One list block into items: the pieces of the splitter, cleaned into named items. Pure. */

/** What one piece of a list is: its items (main group, first section), and what of it was skipped. */
interface PieceReading {
  items: readonly ParsedItem[] | null;
  /** In order: a footnote, a footnote glued to the item, or a note that names no ingredient. */
  skipped: readonly SkippedText[];
}

/**
 * What the memo holds for a piece: the common reading (one item, nothing skipped) as the item itself,
 * so that a label's pieces reach one object each rather than three (reading, items, skipped): with
 * the memos warm, reaching them from memory was most of the cost of a piece.
 */
type Reading = ParsedItem | PieceReading;

// The same pieces recur in label after label ("Glycerin", "Water (Aqua)"): read each once.
const PIECES = new BoundedMemo<Reading>(100_000);

/** Split one list block into items, tracking "may contain" groups and footnotes. */
export function addItems(
  text: string,
  section: number,
  hints: SplitHints,
  items: ParsedItem[],
  skipped: SkippedText[],
): void {
  for (const piece of splitItems(text, hints)) {
    if (piece.kind === "group") continue;
    const reading = PIECES.get(piece.text, readPiece);
    // Items are read-only once parsed, so the common case (first product, main group) shares them.
    const same = piece.group === "main" && section === 0;
    if (!("skipped" in reading)) {
      items.push(same ? reading : itemWith(reading, { group: piece.group, section }));
      continue;
    }
    // Copies: the skipped texts of an analysis are its own, like the array holding them.
    if (reading.skipped.length > 0)
      for (const s of reading.skipped) skipped.push({ text: s.text, why: s.why });
    if (reading.items === null) continue;
    for (const item of reading.items)
      items.push(same ? item : itemWith(item, { group: piece.group, section }));
  }
}

function readPiece(raw: string): Reading {
  if (isFootnoteText(raw)) return { items: null, skipped: [{ text: raw, why: "footnote" }] };
  const skipped: SkippedText[] = [];
  let text = raw;
  // "Phenoxyethanol *Essential Oil": a footnote glued to the last item.
  const glued = /[*†‡]/.test(raw) ? /^(.*?[\p{L}\p{N})\]])\s*([*†‡]+\s*\p{L}.*)$/u.exec(raw) : null;
  if (glued?.[1] && glued[2] && isFootnoteText(glued[2])) {
    skipped.push({ text: glued[2], why: "footnote" });
    text = glued[1];
  }
  const items = toItem(text, "main", 0);
  if (items === null && /[\p{L}\p{N}]/u.test(text)) skipped.push({ text, why: "note" });
  if (items?.length === 1 && skipped.length === 0) return items[0] as ParsedItem;
  return { items, skipped };
}

const MARKS = /^[*†‡+°¹²³⁴#^~]+|[*†‡+°¹²³⁴#^~]+$/g;
const MARK_CHARS = new Set("*†‡+°¹²³⁴#^~");
const LEADING_BULLET = /^[-•·]\s*/;
const PERCENT = /\s*[([]?\s*(?:<\s*)?(\d{1,3}(?:[.,]\d+)?)\s*%\s*(?:w\/w)?\s*[)\]]?/i;
const NANO = /\s*[([]\s*nano\s*[)\]]/i;
const CI_LIST = /^(?:CI\s*\d{5}\s*,\s*)+CI\s*\d{5}$/i;

/**
 * Clean one item's text: marks, percentages, "(nano)", "and " joins, trailing full stops. Each
 * pattern runs only when a cheap test says it can apply.
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
  const text = raw.trim();
  // "Iron Oxides (CI 77491, CI 77492)": the colour index numbers are the ingredients.
  const inner = name.endsWith(")") && lower.includes("ci") ? /^([^()]*)\(([^()]*)\)$/.exec(name) : null;
  if (inner?.[2] && CI_LIST.test(inner[2].trim())) {
    return inner[2].split(",").map((ci) => ({ text, group, section, percent, nano, marks, name: ci.trim() }));
  }
  return [{ text, group, section, percent, nano, marks, name }];
}

/**
 * A copy of an item with some fields changed. Items are built only by object literals with their
 * fields in this order: spreads gave nearly every item a hidden class of its own, and every later
 * read of an item field then went through V8's slowest property look-up.
 */
export function itemWith(item: ParsedItem, changes: Partial<ParsedItem>): ParsedItem {
  return {
    text: changes.text ?? item.text,
    group: changes.group ?? item.group,
    section: changes.section ?? item.section,
    percent: changes.percent !== undefined ? changes.percent : item.percent,
    nano: changes.nano ?? item.nano,
    marks: changes.marks ?? item.marks,
    name: changes.name ?? item.name,
  };
}
