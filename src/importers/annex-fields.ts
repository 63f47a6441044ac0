/**
 * Single fields of an annex entry: reference numbers, the maximum percentage, deleted entries.
 * Pure.
 */
import type { Annex } from "../ingredients/types.js";

export const ANNEXES: readonly Annex[] = ["II", "III", "IV", "V", "VI"];

export function parseAnnexNo(text: string | undefined): Annex | null {
  const value = text?.trim().toUpperCase();
  return ANNEXES.find((annex) => annex === value) ?? null;
}

/** "12 a" and "12a" are the same entry: the exports write both. */
export function normaliseRef(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Entries the Commission kept as "Moved or deleted" placeholders: no substance any more. */
export function isDeletedEntry(substance: string): boolean {
  return /^(moved|deleted)\b/i.test(substance.trim());
}

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/g;
// A line that begins with one list item, "(b) 1,0 %" or "b) 0,02 %", but not "(a) and (b) 1 %".
const ONE_ITEM_LINE = /^\s*\(?[a-h]\)(?!\s*(?:and\b|,|\(?[a-h]\)))/i;

/**
 * The maximum concentration in per cent when the cell states one, else null.
 * "1%", "0,8 %" (decimal comma), "0.5% (acid)" give one number. Several numbers, typically one
 * per product type "(a) 3.0% (b) 2.0%", give null: no single number applies to all products.
 * So does a lone number for one list item: Annex III hair dyes state "(b) 1,0 %" for non-oxidative
 * products, while the oxidative limit (a) sits in the "Other" column.
 * Annex V (preservatives) often repeats the same limit per form ("Salicylic acid: 0,5 % (acid)
 * ... salts: 0,5 % (acid)"; thiomersal 0.007% "remains fixed at 0.007%"), so there equal values
 * count as one. Other annexes keep null: equal numbers there can carry different conditions.
 */
export function maxPercentOf(cell: string | null, annex: Annex): number | null {
  if (!cell) return null;
  const matches = [...cell.matchAll(PERCENT)];
  const values = matches.map((match) => Number(match[1]?.replace(",", ".")));
  const first = values[0];
  if (first === undefined || values.some((value) => !Number.isFinite(value))) return null;
  if (values.length === 1) return forOneItemOnly(cell, matches[0]?.index ?? 0) ? null : first;
  return annex === "V" && values.every((value) => value === first) ? first : null;
}

function forOneItemOnly(cell: string, at: number): boolean {
  const lineStart = cell.lastIndexOf("\n", at) + 1;
  return ONE_ITEM_LINE.test(cell.slice(lineStart, at));
}
