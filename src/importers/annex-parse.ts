/**
 * Parse a CosIng annex export (Annex II and III of 2025, Annexes IV, V and VI of 2026) into
 * entries the importer can store and link. Pure: text in, rows and problems out.
 */
import { nameKey } from "../analyzer/normalize.js";
import { AppError } from "../errors.js";
import type { Annex } from "../ingredients/types.js";
import { isDeletedEntry, maxPercentOf, normaliseRef, parseAnnexNo } from "./annex-fields.js";
import { ANNEX_LAYOUTS, type AnnexCells, type AnnexLayout } from "./annex-layouts.js";
import { nameVariants, splitIngredientList, uniqueNames } from "./annex-names.js";
import { extractCas, extractEc, isoDateOrNull, multilineOrNull, textOrNull, unique } from "./cells.js";
import { type CsvRecord, findHeader, type ParseProblem, readCsvRecords } from "./csv-records.js";

export interface AnnexRow {
  /** 1-based line of the file where the entry starts. */
  line: number;
  annex: Annex;
  /** Reference number, spaces removed ("12 a" -> "12a"); not unique within an annex. */
  ref: string;
  /** The chemical name / INN as the annex writes it. */
  substance: string;
  /** Every INCI-like name to join on, without repeats (by nameKey). */
  names: string[];
  cas: string[];
  ec: string[];
  productType: string | null;
  maxConcentration: string | null;
  maxPercent: number | null;
  conditions: string | null;
  warnings: string | null;
  regulation: string | null;
  /** ISO yyyy-mm-dd. */
  updated: string | null;
  /** A "Moved or deleted" placeholder: never in `rows`, only counted. */
  deleted: boolean;
}

export interface AnnexParseResult {
  annex: Annex;
  rows: AnnexRow[];
  problems: ParseProblem[];
  /** "Moved or deleted" entries left out of `rows`. */
  deleted: number;
  /** Rows repeating an earlier (ref, substance) pair, folded into it (Annex V 61 is listed twice). */
  merged: number;
}

export function parseAnnex(text: string): AnnexParseResult {
  const { records, problems } = readCsvRecords(text);
  const { layout, index, column } = detectLayout(records);
  const width = records[index]?.cells.length ?? 0;
  const entries = new AnnexEntries();
  let annex = layout.annex;
  for (const record of records.slice(index + 1)) {
    const row = buildRow(record, width, layout, column);
    if (typeof row === "string") {
      problems.push({ line: record.line, message: row });
      continue;
    }
    annex ??= row.annex;
    if (row.annex === annex) entries.add(row);
    else problems.push({ line: record.line, message: `an Annex ${row.annex} row in an Annex ${annex} file` });
  }
  if (annex === null)
    throw new AppError("unknown_format", "No data row says which annex it belongs to.", "file");
  problems.sort((a, b) => a.line - b.line);
  return { annex, rows: entries.rows(), problems, deleted: entries.deleted, merged: entries.merged };
}

/** The entries of one annex keyed on (ref, substance): refs alone are not unique. */
class AnnexEntries {
  private readonly byKey = new Map<string, AnnexRow>();
  deleted = 0;
  merged = 0;

  add(row: AnnexRow): void {
    if (row.deleted) {
      this.deleted++;
      return;
    }
    const key = `${row.ref}\u0000${nameKey(row.substance)}`;
    const earlier = this.byKey.get(key);
    if (!earlier) {
      this.byKey.set(key, row);
      return;
    }
    earlier.names = uniqueNames([...earlier.names, ...row.names]);
    earlier.cas = unique([...earlier.cas, ...row.cas]);
    earlier.ec = unique([...earlier.ec, ...row.ec]);
    this.merged++;
  }

  rows(): AnnexRow[] {
    return [...this.byKey.values()];
  }
}

function detectLayout(records: CsvRecord[]): {
  layout: AnnexLayout;
  index: number;
  column: Map<string, number>;
} {
  for (const layout of ANNEX_LAYOUTS) {
    const header = findHeader(records, layout.required);
    if (header) return { layout, ...header };
  }
  const expected = ANNEX_LAYOUTS.map((layout) => `${layout.name}: ${layout.required.join(", ")}`).join("; ");
  throw new AppError(
    "unknown_format",
    `Not a CosIng annex export: expected a header line with ${expected}.`,
    "file",
  );
}

/** The entry, or why the row was skipped. */
function buildRow(
  record: CsvRecord,
  width: number,
  layout: AnnexLayout,
  column: Map<string, number>,
): AnnexRow | string {
  const { cells, line } = record;
  if (cells.length !== width) return `expected ${width} columns, found ${cells.length}`;
  const c = layout.read((header) => {
    const index = column.get(header);
    return index === undefined ? "" : (cells[index] ?? "");
  });
  const annex = layout.annex ?? parseAnnexNo(c.annexNo);
  if (!annex) return `unknown annex "${c.annexNo ?? ""}"`;
  const ref = normaliseRef(c.ref);
  if (ref === "" || ref === "-") return "empty reference number";
  const substance = c.substance.replace(/\s+/g, " ").trim();
  if (substance === "" || substance === "-") return "empty substance name";
  const maxConcentration = multilineOrNull(c.maxConcentration);
  return {
    line,
    annex,
    ref,
    substance,
    names: namesOf(c),
    cas: extractCas(c.cas),
    ec: extractEc(c.ec),
    productType: multilineOrNull(c.productType),
    maxConcentration,
    maxPercent: maxPercentOf(maxConcentration, annex),
    conditions: multilineOrNull(c.conditions),
    warnings: multilineOrNull(c.warnings),
    regulation: textOrNull(c.regulation),
    updated: isoDateOrNull(c.updated),
    deleted: isDeletedEntry(substance),
  };
}

function namesOf(c: AnnexCells): string[] {
  return uniqueNames([...c.lists.flatMap(splitIngredientList), ...c.names.flatMap(nameVariants)]);
}
