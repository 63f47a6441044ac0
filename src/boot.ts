import type { Dictionary } from "./analyzer/dictionary.js";
import type { Config } from "./config.js";
import { type Database, openMigratedDatabase } from "./db/database.js";
import { loadBundledCorpus, loadDictionary } from "./ingredients/service.js";
import { CONTENT_DIR } from "./paths.js";

/** The composition root: database migrated, bundled corpus loaded, dictionary built. Once per process. */
export interface Context {
  database: Database;
  dictionary: Dictionary;
  close(): Promise<void>;
}

export async function openDatabaseWithCorpus(config: Config, contentDir = CONTENT_DIR): Promise<Database> {
  const database = await openMigratedDatabase(config.database);
  try {
    await loadBundledCorpus(database, contentDir);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export interface BootOptions {
  /** The bundled corpus is already loaded (by the server's supervisor): only migrate, if needed. */
  corpusLoaded?: boolean;
}

export async function boot(
  config: Config,
  contentDir = CONTENT_DIR,
  options: BootOptions = {},
): Promise<Context> {
  const database = options.corpusLoaded
    ? await openMigratedDatabase(config.database)
    : await openDatabaseWithCorpus(config, contentDir);
  const dictionary = await loadDictionary(database);
  return { database, dictionary, close: () => database.close() };
}
