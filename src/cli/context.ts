import { boot, type Context, openDatabaseWithCorpus } from "../boot.js";
import { loadConfig } from "../config.js";
import type { Database } from "../db/database.js";

/** Run a command with the dictionary loaded, closing the database whatever happens. */
export async function withContext(run: (ctx: Context) => Promise<void>): Promise<void> {
  const ctx = await boot(loadConfig());
  try {
    await run(ctx);
  } finally {
    await ctx.close();
  }
}

export async function withDatabase(run: (database: Database) => Promise<void>): Promise<void> {
  const database = await openDatabaseWithCorpus(loadConfig());
  try {
    await run(database);
  } finally {
    await database.close();
  }
}
