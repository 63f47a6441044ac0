/**
 * Parse a CosIng "Ingredients & Fragrance Inventory" CSV into rows the importer can store.
 * Two layouts: the official 10-column Commission export and the 4-column 2020 derivative
 * (each described in the PROVENANCE.md beside the data). Pure: text in, rows and problems out.
 */
import { cleanText, nameKey, titleCase } from "../analyzer/normalize.js";
import { AppError } from "../errors.js";
import { extractCas, extractEc, isoDateOrNull, multilineOrNull, textOrNull, unique } from "./cells.js";
import { type CsvRecord, findHeader, type ParseProblem, readCsvRecords } from "./csv-records.js";

export type CosingFormat = "official" | "derived";

export interface CosingRow {
  /** 1-based line of the file where the (first) row for this name starts. */
  line: number;
  /** Trimmed, spaces collapsed, non-breaking spaces removed, upper case. */
  inci: string;
  cas: string[];
  ec: string[];
  /** CosIng's current function vocabulary in Title Case ("Skin Conditioning - Emollient"). */
  functions: string[];
  description: string | null;
  /** Annex references ("III/98", "II/665"). */
  restrictions: string[];
  /** ISO yyyy-mm-dd. */
  updated: string | null;
  refNo: string | null;
}

export interface CosingParseResult {
  format: CosingFormat;
  rows: CosingRow[];
  problems: ParseProblem[];
  /** Rows folded into an earlier row with the same INCI name (same nameKey). */
  merged: number;
}

type Field = "inci" | "cas" | "ec" | "functions" | "description" | "restrictions" | "updated" | "refNo";

/** Header names (compared by headerKey) of each layout; a field absent from a layout is empty. */
const LAYOUTS: Record<CosingFormat, Partial<Record<Field, string>>> = {
  official: {
    refNo: "cosing ref no",
    inci: "inci name",
    cas: "cas no",
    ec: "ec no",
    description: "chem/iupac name / description",
    restrictions: "restriction",
    functions: "function",
    updated: "update date",
  },
  derived: { inci: "inci_name", cas: "cas_number", ec: "einecs_number", functions: "function" },
};

const OFFICIAL_HEADER =
  "COSING Ref No, INCI name, INN name, Ph. Eur. Name, CAS No, EC No, Chem/IUPAC Name / Description, Restriction, Function, Update Date";
const DERIVED_HEADER = "inci_name, cas_number, einecs_number, function";

// An annex reference in the Restriction cell; "CMR1b (Reprotoxic 1B)" and other notes are not.
const ANNEX_REF = /\b(VI|V|IV|III|II)\s*\/\s*(\d+\s*[a-z]?)\b/g;

// Printable ASCII words separated by single spaces: cleanText would leave it unchanged. Most
// names are like this, and skipping cleanText keeps the whole inventory within its time budget.
const PLAIN_NAME = /^[!-~]+(?: [!-~]+)*$/;

/** The INCI name as stored: NFC, non-breaking spaces and doubled spaces collapsed, upper case. */
export function cleanInciName(cell: string): string {
  const text = PLAIN_NAME.test(cell) ? cell : cleanText(cell).replace(/\s+/g, " ").trim();
  return text.toUpperCase();
}

/**
 * The Function cell as CosIng's Title Case vocabulary. `cache` memoises whole cells: ~80 labels
 * in a few thousand combinations repeat over 28,000 rows.
 */
export function parseFunctions(cell: string | undefined, cache = new Map<string, string[]>()): string[] {
  if (!cell) return [];
  let names = cache.get(cell);
  if (!names) {
    const labels = cell.split(",").map((label) => titleCase(label.replace(/\s+/g, " ").trim()));
    names = unique(labels.filter((name) => name !== "" && name !== "-"));
    cache.set(cell, names);
  }
  return names.slice();
}

export function parseRestrictions(cell: string | undefined): string[] {
  if (!cell) return [];
  return unique([...cell.matchAll(ANNEX_REF)].map((m) => `${m[1]}/${m[2]?.replace(/\s+/g, "")}`));
}

export function parseCosingInventory(text: string): CosingParseResult {
  const { records, problems } = readCsvRecords(text);
  const { format, index, columns } = detectLayout(records);
  const width = records[index]?.cells.length ?? 0;
  const byName = new Map<string, CosingRow>();
  const functionNames = new Map<string, string[]>();
  let merged = 0;
  for (const record of records.slice(index + 1)) {
    const row = buildRow(record, width, columns, functionNames);
    if (typeof row === "string") {
      problems.push({ line: record.line, message: row });
      continue;
    }
    const key = nameKey(row.inci);
    const earlier = byName.get(key);
    if (earlier) {
      mergeInto(earlier, row);
      merged++;
    } else byName.set(key, row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { format, rows: [...byName.values()], problems, merged };
}

type Columns = Partial<Record<Field, number>>;

function detectLayout(records: CsvRecord[]): { format: CosingFormat; index: number; columns: Columns } {
  for (const format of ["official", "derived"] as const) {
    const names = LAYOUTS[format];
    const header = findHeader(records, Object.values(names));
    if (!header) continue;
    const columns: Columns = {};
    for (const [field, name] of Object.entries(names) as [Field, string][]) {
      columns[field] = header.column.get(name);
    }
    return { format, index: header.index, columns };
  }
  throw new AppError(
    "unknown_format",
    `Not a CosIng inventory CSV: expected a header line with the columns ${OFFICIAL_HEADER} (official export) or ${DERIVED_HEADER} (2020 derivative).`,
    "file",
  );
}

/** The row, or why it was skipped. */
function buildRow(
  record: CsvRecord,
  width: number,
  columns: Columns,
  functionNames: Map<string, string[]>,
): CosingRow | string {
  const { cells, line } = record;
  if (cells.length !== width) return `expected ${width} columns, found ${cells.length}`;
  const inci = cleanInciName(cellOf(cells, columns.inci) ?? "");
  if (inci === "" || inci === "-") return "empty INCI name";
  return {
    line,
    inci,
    cas: extractCas(cellOf(cells, columns.cas)),
    ec: extractEc(cellOf(cells, columns.ec)),
    functions: parseFunctions(cellOf(cells, columns.functions), functionNames),
    description: multilineOrNull(cellOf(cells, columns.description)),
    restrictions: parseRestrictions(cellOf(cells, columns.restrictions)),
    updated: isoDateOrNull(cellOf(cells, columns.updated)),
    refNo: textOrNull(cellOf(cells, columns.refNo)),
  };
}

/** The cell of a column the layout may lack. A plain function: this runs 28,000 times. */
function cellOf(cells: string[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : cells[index];
}

/** The official export lists some names twice (different Ref No): keep one row with the union. */
function mergeInto(target: CosingRow, row: CosingRow): void {
  target.cas = unique([...target.cas, ...row.cas]);
  target.ec = unique([...target.ec, ...row.ec]);
  target.functions = unique([...target.functions, ...row.functions]);
  target.restrictions = unique([...target.restrictions, ...row.restrictions]);
  target.description ??= row.description;
  target.refNo ??= row.refNo;
  if (row.updated && (!target.updated || row.updated > target.updated)) target.updated = row.updated;
}
