import { mentionsAny } from "./normalize.js";
import type { Group } from "./types.js";

/** Splitting one list block into items. Pure. */

export type Piece = { kind: "item"; text: string; group?: Group } | { kind: "group"; group: Group };

// "May contain", "+/-", "[+/-:", "Peut contenir" start the group of shade-dependent colorants.
const MAY_CONTAIN =
  /(\[\s*|\(\s*)?(?:\+\s*\/\s*-|\+\/\u2212|±|may contain|peut contenir|puede contener|kann enthalten|pu[oò] contenere)\s*:?\s*/gi;

// A word of every MAY_CONTAIN marker, for mentionsAny.
const MAY_CONTAIN_WORDS = ["+", "±", "contain", "conten", "enthalten"];

/** `lower`: the lower-case copy of the text (or of a text this one was cut from), for mentionsAny. */
export function splitItems(text: string, lower = text.toLowerCase()): Piece[] {
  const pieces: Piece[] = [];
  if (!mentionsAny(lower, MAY_CONTAIN_WORDS)) {
    pushSegment(text, "main", "", pieces);
    return pieces;
  }
  let cursor = 0;
  let group: Group = "main";
  let bracket = "";
  MAY_CONTAIN.lastIndex = 0;
  for (const m of text.matchAll(MAY_CONTAIN)) {
    const start = m.index ?? 0;
    pushSegment(text.slice(cursor, start), group, bracket, pieces);
    group = "may_contain";
    bracket = (m[1] ?? "").trim();
    pieces.push({ kind: "group", group });
    cursor = start + m[0].length;
  }
  pushSegment(text.slice(cursor), group, bracket, pieces);
  return pieces;
}

function pushSegment(segment: string, group: Group, bracket: string, pieces: Piece[]): void {
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
  for (const text of splitTopLevel(body)) pieces.push({ kind: "item", text, group });
  if (after.trim() !== "") {
    pieces.push({ kind: "group", group: "main" });
    for (const text of splitTopLevel(after)) pieces.push({ kind: "item", text, group: "main" });
  }
}

function matchingClose(text: string, open: string, close: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * Split on commas, semicolons, bullets and sentence full stops outside brackets. A comma between
 * two digits belongs to a chemical name ("1,2-Hexanediol"). Unbalanced brackets: split flat.
 */
export function splitTopLevel(text: string): string[] {
  // "Tapioca Starch (and) Polymethylsilsesquioxane": a trade blend names two ingredients.
  const unjoined = /[([]\s*and\s*[)\]]/i.test(text) ? text.replace(/\s*[([]\s*and\s*[)\]]\s*/gi, ", ") : text;
  const pieces = split(unjoined, true) ?? split(unjoined, false) ?? [];
  // "1, 2-Hexanediol": a comma and a space inside a locant list, not between two ingredients.
  const out: string[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last !== undefined && /^\d{1,2}$/.test(last) && /^\d{1,2}-/.test(piece))
      out[out.length - 1] = `${last},${piece}`;
    else out.push(piece);
  }
  return out;
}

// The only characters the splitter looks at; everything between them is skipped in one jump.
const INTERESTING = /[()[\]{},;•·|\u2022.]/g;

function split(text: string, respectBrackets: boolean): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  INTERESTING.lastIndex = 0;
  for (let m = INTERESTING.exec(text); m !== null; m = INTERESTING.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === "(" || c === "[" || c === "{") {
      if (respectBrackets) depth++;
    } else if (c === ")" || c === "]" || c === "}") {
      if (respectBrackets) depth = Math.max(0, depth - 1);
    } else if (depth === 0 && isSeparator(text, i)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (respectBrackets && depth > 0) return null;
  out.push(text.slice(start));
  const trimmed: string[] = [];
  for (const piece of out) {
    const t = piece.trim();
    if (t !== "") trimmed.push(t);
  }
  return trimmed;
}

const ABBREVIATIONS = new Set(["ext", "vit", "spp", "var", "subsp", "denat"]);

function isSeparator(text: string, i: number): boolean {
  const c = text[i];
  if (c === ";" || c === "•" || c === "·" || c === "|" || c === "\u2022") return true;
  const prev = text[i - 1] ?? "";
  const next = text[i + 1] ?? "";
  if (c === ",") return !(/\d/.test(prev) && /\d/.test(next));
  // "Extract. Caprylhydroxamic Acid": a full stop then a space and a capital ends an item,
  // but not an abbreviation inside a name ("Alcohol Denat. " is followed by a separator anyway).
  if (c === ".") {
    // "St. Paul's Wort", "No. 5", "Ext. Violet 2": a short word before the stop is an abbreviation.
    const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, i - 6), i))?.[1] ?? "";
    if ((word.length > 0 && word.length <= 2) || ABBREVIATIONS.has(word.toLowerCase())) return false;
    return /\s/.test(next) && /[A-Z*†‡]/.test(text[i + 2] ?? "") && /[a-z)*†‡0-9%]/i.test(prev);
  }
  return false;
}
