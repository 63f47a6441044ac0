import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dictionary } from "../../src/analyzer/dictionary.js";
import { prepareRules } from "../../src/analyzer/rules/index.js";
import { openDatabaseWithCorpus } from "../../src/boot.js";
import { testConfig } from "../../src/config.js";
import type { Database } from "../../src/db/database.js";
import { importAnnexRows } from "../../src/importers/annex-import.js";
import { parseAnnex } from "../../src/importers/annex-parse.js";
import { importCosingRows } from "../../src/importers/cosing-import.js";
import { parseCosingInventory } from "../../src/importers/cosing-parse.js";
import { loadDictionary } from "../../src/ingredients/service.js";
import { CONTENT_DIR } from "../../src/paths.js";
import { sharedFile } from "./real-lists.js";

export const ANNEX_FILES = [
  ["cosing-annexes-2025", "COSING_Annex_II_v2.txt"],
  ["cosing-annexes-2025", "COSING_Annex_III_v2.txt"],
  ["cosing-annexes-iv-v-vi-2026", "annex_IV.csv"],
  ["cosing-annexes-iv-v-vi-2026", "annex_V.csv"],
  ["cosing-annexes-iv-v-vi-2026", "annex_VI.csv"],
] as const;

export interface TempDictionary {
  database: Database;
  dictionary: Dictionary;
  /** Time to parse and store the CosIng inventory (ms), when imported. */
  inventoryImportMs: number | null;
  annexImportMs: number | null;
  close(): Promise<void>;
}

/** A throwaway SQLite database with the bundled corpus and, optionally, the shared CosIng exports. */
export async function openTempDictionary(
  withInventory: boolean,
  contentDir = CONTENT_DIR,
): Promise<TempDictionary> {
  const dir = mkdtempSync(join(tmpdir(), "inci-atlas-"));
  const database = await openDatabaseWithCorpus(
    testConfig({ dialect: "sqlite", path: join(dir, "atlas.db") }),
    contentDir,
  );
  let inventoryImportMs: number | null = null;
  let annexImportMs: number | null = null;
  if (withInventory) {
    const started = performance.now();
    const text = readFileSync(sharedFile("cosing-inventory-derived-2020", "cosing.csv"), "utf8");
    await importCosingRows(database.db, parseCosingInventory(text).rows);
    inventoryImportMs = performance.now() - started;
    const annexStarted = performance.now();
    for (const parts of ANNEX_FILES) {
      const parsed = parseAnnex(readFileSync(sharedFile(...parts), "utf8"));
      await importAnnexRows(database.db, parsed.annex, parsed.rows);
    }
    annexImportMs = performance.now() - annexStarted;
  }
  const dictionary = await loadDictionary(database);
  // As the server does at boot (src/server/compose.ts): the decoder as it runs there.
  prepareRules(dictionary.ingredients);
  return {
    database,
    dictionary,
    inventoryImportMs,
    annexImportMs,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
