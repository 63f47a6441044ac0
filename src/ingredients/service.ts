import { setImmediate } from "node:timers/promises";
import { Dictionary } from "../analyzer/dictionary.js";
import type { Database } from "../db/database.js";
import { AppError } from "../errors.js";
import { relinkRegulations } from "../importers/annex-import.js";
import { loadCorpus, readCorpusTexts } from "./corpus.js";
import { type CorpusSyncReport, syncCorpus } from "./corpus-sync.js";
import { loadAllIngredients } from "./load-all.js";
import { findCorpusHashes } from "./repository.js";

/** Use-cases of the ingredient dictionary shared by the CLI, the server and the scripts. */

/** Validate the bundled corpus and load what changed. An invalid corpus stops the program. */
export async function loadBundledCorpus(database: Database, contentDir: string): Promise<CorpusSyncReport> {
  const texts = readCorpusTexts(contentDir);
  // Parsing and validating a thousand YAML files takes seconds; hashing them takes milliseconds.
  // When every file is stored with the same hash, there is nothing to load.
  const stored = await findCorpusHashes(database.db);
  if (texts.every((t) => stored.get(t.slug) === t.hash)) {
    return { inserted: 0, updated: 0, unchanged: texts.length, merged: 0, conflicts: [] };
  }
  const corpus = loadCorpus(contentDir, texts);
  if (corpus.problems.length > 0) {
    const list = corpus.problems
      .slice(0, 20)
      .map((p) => `  ${p.file}: ${p.message}`)
      .join("\n");
    throw new AppError(
      "corpus_invalid",
      `The bundled corpus has ${corpus.problems.length} problems:\n${list}`,
    );
  }
  const report = await syncCorpus(database.db, corpus.entries);
  // New or changed names can match annex entries imported earlier.
  if (report.inserted + report.updated + report.merged > 0) await relinkRegulations(database.db);
  return report;
}

/**
 * The in-memory dictionary. Reading the rows and building the indexes are each a few hundred ms of
 * CPU with the CosIng inventory: a running server serves waiting requests between the two (awaits
 * alone would not let them in, the reads being synchronous underneath).
 */
export async function loadDictionary(database: Database): Promise<Dictionary> {
  const ingredients = await loadAllIngredients(database.db);
  await setImmediate();
  return new Dictionary(ingredients);
}
