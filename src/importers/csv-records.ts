/**
 * CSV reading shared by the CosIng importers: RFC 4180 records with the 1-based line each
 * starts on, unparseable records reported instead of thrown, and header detection past a
 * preamble. Pure.
 *
 * Why not csv-parse: on the 2 MB inventory it took 250-500 ms by itself (cold 1.1 s with the
 * row building), over the importer's budget; with `info` its line count is also off by one per
 * CRLF inside a quoted cell. This reader is checked against csv-parse on every real file in
 * csv-records.test.ts.
 */

/** One CSV record and the line of the file it starts on (a quoted cell may span several lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A row the importer could not use, with the line a person opens the file at. */
export interface ParseProblem {
  line: number;
  message: string;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

type Scan = { cells: string[]; end: number; breaks: number } | { unclosedQuote: true };

/** Index of the next comma or line break at or after `from`, or the text length. */
function fieldEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === LF || c === CR) return i;
  }
  return text.length;
}

/** Line breaks in a quoted cell, CRLF counted once. Most cells have none: no regex for those. */
function countLineBreaks(value: string): number {
  if (value.indexOf("\n") < 0 && value.indexOf("\r") < 0) return 0;
  return value.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** A quoted field starting at `at` (on the quote): its value and the index after it. */
function quotedField(text: string, at: number): { value: string; next: number } | null {
  let value = "";
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return null;
    if (text.charCodeAt(quote + 1) === QUOTE) {
      value += text.slice(from, quote + 1);
      from = quote + 2;
      continue;
    }
    // Lenient like csv-parse's relax_quotes: text between the closing quote and the comma is kept.
    const end = fieldEnd(text, quote + 1);
    return { value: value + text.slice(from, quote) + text.slice(quote + 1, end), next: end };
  }
}

/** One record starting at `start`. A quote inside an unquoted field is kept as text. */
function scanRecord(text: string, start: number): Scan {
  const cells: string[] = [];
  let breaks = 0;
  let pos = start;
  for (;;) {
    if (text.charCodeAt(pos) === QUOTE) {
      const field = quotedField(text, pos);
      if (!field) return { unclosedQuote: true };
      breaks += countLineBreaks(field.value);
      cells.push(field.value);
      pos = field.next;
    } else {
      const end = fieldEnd(text, pos);
      cells.push(text.slice(pos, end));
      pos = end;
    }
    const c = text.charCodeAt(pos);
    if (c === COMMA) pos++;
    else {
      if (c === CR && text.charCodeAt(pos + 1) === LF) pos++;
      return { cells, end: Math.min(pos + 1, text.length), breaks };
    }
  }
}

/**
 * Every record of the text; a blank line yields no record. A quote that is never closed would
 * swallow the rest of the file, so that record is reported and reading resumes on the next line.
 */
export function readCsvRecords(text: string): { records: CsvRecord[]; problems: ParseProblem[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: ParseProblem[] = [];
  let pos = 0;
  let line = 1;
  while (pos < body.length) {
    const scan = scanRecord(body, pos);
    if ("unclosedQuote" in scan) {
      problems.push({ line, message: "unparseable CSV: a quoted cell is never closed" });
      pos = endOfLine(body, pos);
      line++;
      continue;
    }
    const blank = scan.cells.length === 1 && scan.cells[0]?.trim() === "";
    if (!blank) records.push({ line, cells: scan.cells });
    line += scan.breaks + 1;
    pos = scan.end;
  }
  return { records, problems };
}

/** Index just after the line break ending the physical line that contains `from`. */
function endOfLine(text: string, from: number): number {
  const lf = text.indexOf("\n", from);
  const cr = text.indexOf("\r", from);
  if (lf < 0 && cr < 0) return text.length;
  if (cr >= 0 && (lf < 0 || cr < lf)) return text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
  return lf + 1;
}

/** A header cell compared loosely: case, surrounding and repeated spaces do not matter. */
export function headerKey(cell: string): string {
  return cell.replace(/\s+/g, " ").trim().toLowerCase();
}

/** How many records may precede the header (the Commission exports carry a 4-line preamble). */
const MAX_PREAMBLE_RECORDS = 20;

/**
 * Find the first record, within the preamble allowance, that holds every required header.
 * Returns its index and a column lookup, or null.
 */
export function findHeader(
  records: CsvRecord[],
  required: readonly string[],
): { index: number; column: Map<string, number> } | null {
  const limit = Math.min(records.length, MAX_PREAMBLE_RECORDS + 1);
  for (let index = 0; index < limit; index++) {
    const column = new Map<string, number>();
    records[index]?.cells.forEach((cell, i) => {
      const key = headerKey(cell);
      if (!column.has(key)) column.set(key, i);
    });
    if (required.every((name) => column.has(name))) return { index, column };
  }
  return null;
}
