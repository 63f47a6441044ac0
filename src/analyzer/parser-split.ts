import type { Group } from "./types.js";

/** Splitting one list block into items. Pure. */

export type Piece = { kind: "item"; text: string; group: Group } | { kind: "group"; group: Group };

// "May contain", "+/-", "[+/-:", "Peut contenir" start the group of shade-dependent colorants.
const MAY_CONTAIN =
  /(\[\s*|\(\s*)?(?:\+\s*\/\s*-|\+\/\u2212|±|may contain|peut contenir|puede contener|kann enthalten|pu[oò] contenere)\s*:?\s*/gi;

/** A word of every MAY_CONTAIN marker: the caller tells whether the text holds one (see mentions.ts). */
export const MAY_CONTAIN_WORDS = ["+", "±", "contain", "conten", "enthalten"];

/** The word of every "(and)" join ("Tapioca Starch (and) Polymethylsilsesquioxane"). */
export const AND_WORDS = ["and"];

/** What the caller's one scan of the whole label found: a piece of it holds a word only if it does. */
export interface SplitHints {
  /** The text may hold a MAY_CONTAIN marker. */
  mayContain: boolean;
  /** The text may hold an "(and)" join. */
  and: boolean;
}

const ALL_HINTS: SplitHints = { mayContain: true, and: true };

export function splitItems(text: string, hints: SplitHints = ALL_HINTS): Piece[] {
  const pieces: Piece[] = [];
  if (!hints.mayContain) {
    pushSegment(text, "main", "", pieces, hints.and);
    return pieces;
  }
  let cursor = 0;
  let group: Group = "main";
  let bracket = "";
  MAY_CONTAIN.lastIndex = 0;
  for (const m of text.matchAll(MAY_CONTAIN)) {
    const start = m.index ?? 0;
    pushSegment(text.slice(cursor, start), group, bracket, pieces, hints.and);
    group = "may_contain";
    bracket = (m[1] ?? "").trim();
    pieces.push({ kind: "group", group });
    cursor = start + m[0].length;
  }
  pushSegment(text.slice(cursor), group, bracket, pieces, hints.and);
  return pieces;
}

function pushSegment(segment: string, group: Group, bracket: string, pieces: Piece[], and: boolean): void {
  let body = segment;
  let after = "";
  if (bracket !== "") {
    // "[+/- CI 77891, CI 77491] Water" — what follows the closing bracket is back in the main list.
    const close = matchingClose(body, bracket, bracket === "[" ? "]" : ")");
    if (close >= 0) {
      after = body.slice(close + 1);
      body = body.slice(0, close);
    }
  }
  for (const text of splitTopLevel(body, and)) pieces.push({ kind: "item", text, group });
  if (after.trim() !== "") {
    pieces.push({ kind: "group", group: "main" });
    for (const text of splitTopLevel(after, and)) pieces.push({ kind: "item", text, group: "main" });
  }
}

function matchingClose(text: string, open: string, close: string): number {
  let depth = 0;
  // Read once: in the loop condition it is a megamorphic look-up per character (see mentions.ts).
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

const AND_JOIN = /[([]\s*and\s*[)\]]/i;

/**
 * Split on commas, semicolons, bullets and sentence full stops outside brackets. A comma between
 * two digits belongs to a chemical name ("1,2-Hexanediol"). Unbalanced brackets: split flat.
 * `mayHoldAnd`: false when the caller knows the text holds no "and" in any case.
 */
export function splitTopLevel(text: string, mayHoldAnd = true): string[] {
  // "Tapioca Starch (and) Polymethylsilsesquioxane": a trade blend names two ingredients.
  const unjoined =
    mayHoldAnd && AND_JOIN.test(text) ? text.replace(/\s*[([]\s*and\s*[)\]]\s*/gi, ", ") : text;
  const pieces = split(unjoined, true) ?? split(unjoined, false) ?? [];
  // "1, 2-Hexanediol": a comma and a space inside a locant list, not between two ingredients.
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && isLocant(last) && startsWithLocant(piece))
      out[out.length - 1] = `${last},${piece}`;
    else out.push(piece);
  }
  return out;
}

/** /^\d{1,2}$/ */
function isLocant(text: string): boolean {
  return (text.length === 1 || text.length === 2) && isDigit(text, 0) && isDigit(text, text.length - 1);
}

/** /^\d{1,2}-/ */
function startsWithLocant(text: string): boolean {
  if (!isDigit(text, 0)) return false;
  return text.charCodeAt(1) === HYPHEN || (isDigit(text, 1) && text.charCodeAt(2) === HYPHEN);
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

const HYPHEN = 45;
const COMMA = 44;
const FULL_STOP = 46;
const OPEN = new Set([40, 91, 123]); // ( [ {
const CLOSE = new Set([41, 93, 125]); // ) ] }
const ALWAYS_SEPARATES = new Set([59, 0x2022, 0xb7, 124]); // ; • · |

// The only characters the splitter acts on. `test` jumps from one to the next in native code and,
// unlike `exec`, allocates no match: a JavaScript loop over every character cost several times more.
const ACTS_ON = /[()[\]{},;•·|\u2022.]/g;

function split(text: string, respectBrackets: boolean): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  ACTS_ON.lastIndex = 0;
  while (ACTS_ON.test(text)) {
    const i = ACTS_ON.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (OPEN.has(c)) {
      if (respectBrackets) depth++;
    } else if (CLOSE.has(c)) {
      if (respectBrackets) depth = Math.max(0, depth - 1);
    } else if (depth === 0 && isSeparator(text, i, c)) {
      pushTrimmed(text, start, i, out);
      start = i + 1;
    }
  }
  if (respectBrackets && depth > 0) return null;
  pushTrimmed(text, start, text.length, out);
  return out;
}

/** out.push(text.slice(start, end).trim()) unless empty, with one slice and no intermediate string. */
function pushTrimmed(text: string, start: number, end: number, out: string[]): void {
  let from = start;
  let to = end;
  while (from < to && isTrimmed(text.charCodeAt(from))) from++;
  while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
  if (to > from) out.push(text.slice(from, to));
}

/** The code units String.prototype.trim removes: ECMAScript WhiteSpace and LineTerminator. */
function isTrimmed(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const ABBREVIATIONS = new Set(["ext", "vit", "spp", "var", "subsp", "denat"]);

function isSeparator(text: string, i: number, c: number): boolean {
  if (ALWAYS_SEPARATES.has(c)) return true;
  if (c === COMMA) return !(isDigit(text, i - 1) && isDigit(text, i + 1));
  // "Extract. Caprylhydroxamic Acid": a full stop then a space and a capital ends an item,
  // but not an abbreviation inside a name ("Alcohol Denat. " is followed by a separator anyway).
  if (c === FULL_STOP) {
    const prev = text[i - 1] ?? "";
    const next = text[i + 1] ?? "";
    // "St. Paul's Wort", "No. 5", "Ext. Violet 2": a short word before the stop is an abbreviation.
    const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, i - 6), i))?.[1] ?? "";
    if ((word.length > 0 && word.length <= 2) || ABBREVIATIONS.has(word.toLowerCase())) return false;
    return /\s/.test(next) && /[A-Z*†‡]/.test(text[i + 2] ?? "") && /[a-z)*†‡0-9%]/i.test(prev);
  }
  return false;
}
