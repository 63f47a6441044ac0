import { readFileSync, statSync } from "node:fs";
import type { Database } from "../db/database.js";
import { AppError } from "../errors.js";
import { importAnnexRows } from "../importers/annex-import.js";
import { parseAnnex } from "../importers/annex-parse.js";
import { importCosingRows } from "../importers/cosing-import.js";
import { parseCosingInventory } from "../importers/cosing-parse.js";
import { write } from "./io.js";

const MAX_FILE_BYTES = 200 * 1024 * 1024;

function readInput(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError("file_not_found", `Cannot read ${file}: no such file.`, "file");
  }
  if (size > MAX_FILE_BYTES) throw new AppError("bad_input", `${file} is larger than 200 MB.`, "file");
  return readFileSync(file, "utf8");
}

function reportProblems(file: string, problems: ReadonlyArray<{ line: number; message: string }>): void {
  for (const p of problems) process.stderr.write(`${file}:${p.line}: skipped: ${p.message}\n`);
}

/** `inci-atlas import cosing|annex FILE` */
export async function runImport(database: Database, kind: "cosing" | "annex", file: string): Promise<void> {
  const text = readInput(file);
  const started = performance.now();
  if (kind === "cosing") {
    const parsed = parseCosingInventory(text);
    reportProblems(file, parsed.problems);
    const report = await importCosingRows(database.db, parsed.rows);
    const ms = Math.round(performance.now() - started);
    await write(
      `Imported CosIng inventory (${parsed.format} format) from ${file} in ${ms} ms: ${report.rows} rows, ` +
        `${report.inserted} new, ${report.updated} updated, ${report.enriched} authored entries checked, ` +
        `${report.unchanged} unchanged, ${parsed.problems.length} malformed rows skipped.\n`,
    );
    return;
  }
  const parsed = parseAnnex(text);
  reportProblems(file, parsed.problems);
  const report = await importAnnexRows(database.db, parsed.annex, parsed.rows);
  const ms = Math.round(performance.now() - started);
  await write(
    `Imported Annex ${report.annex} from ${file} in ${ms} ms: ${report.rows} entries, ` +
      `${parsed.problems.length} malformed rows skipped; links to ingredients: ${report.links.name} by name, ` +
      `${report.links.cas} by CAS, ${report.links.class} by class.\n`,
  );
}
