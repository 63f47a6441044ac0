/**
 * Reading single cells of the CosIng exports: identifiers, dates, empty placeholders. Pure.
 */

// Registry numbers are found anywhere in a cell, which copes with every separator seen in the
// exports (" / ", "/", ";", ",", "[1]" markers, "(I)" suffixes, trailing commas) at once. The
// look-arounds stop a match inside a longer digit-and-dash run. Only the format is checked, not
// the check digit: CosIng itself publishes ~30 CAS and ~30 EC numbers with a wrong check digit,
// and the annexes repeat CosIng's numbers, so dropping them would lose joins.
const CAS = /(?<![\d-])\d{2,7}-\d{2}-\d(?![\d-])/g;
const EC = /(?<![\d-])\d{3}-\d{3}-\d(?![\d-])/g;

/** Values without repeats, in order. Most lists here hold 0-3 values: no Set for those. */
export function unique<T>(values: readonly T[]): T[] {
  if (values.length > 8) return [...new Set(values)];
  return values.filter((value, index) => values.indexOf(value) === index);
}

/** Every well-formed CAS number in a cell, in order, without repeats; fragments are dropped. */
export function extractCas(cell: string | undefined): string[] {
  return cell ? unique(cell.match(CAS) ?? []) : [];
}

/** Every well-formed EC (EINECS/ELINCS) number in a cell, in order, without repeats. */
export function extractEc(cell: string | undefined): string[] {
  return cell ? unique(cell.match(EC) ?? []) : [];
}

/** Trimmed text, or null for an empty cell or CosIng's "-" placeholder. */
export function textOrNull(cell: string | undefined): string | null {
  const text = cell?.trim() ?? "";
  return text === "" || text === "-" ? null : text;
}

/**
 * A multi-line cell tidied for display: line endings unified, runs of spaces (including the
 * non-breaking ones CosIng pads with) collapsed, at most one blank line in a row.
 */
export function multilineOrNull(cell: string | undefined): string | null {
  if (!cell) return null;
  const text = cell
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
  return textOrNull(text);
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/;

/**
 * An ISO date (yyyy-mm-dd) from "dd/mm/yyyy" (the CosIng CSV exports) or an ISO timestamp
 * ("2009-12-22T00:00:00.000+0100", the 2026 annex export: the date as published, offset ignored).
 */
export function isoDateOrNull(cell: string | undefined): string | null {
  const text = cell?.trim();
  if (!text) return null;
  const dmy = DMY.exec(text);
  const parts = dmy ? [dmy[3], dmy[2], dmy[1]] : ISO.exec(text)?.slice(1, 4);
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
