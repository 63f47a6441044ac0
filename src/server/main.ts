import { loadConfig } from "../config.js";
import { AppError } from "../errors.js";
import { buildServer } from "./app.js";
import { bootWeb } from "./compose.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const ctx = await bootWeb(config);
  const app = await buildServer(ctx);
  const close = async () => {
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  const where = config.database.dialect === "sqlite" ? `SQLite ${config.database.path}` : "PostgreSQL";
  app.log.info(`database: ${where}; dictionary: ${ctx.dictionary.size} ingredients`);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  process.stderr.write(`inci-atlas: ${error instanceof AppError ? error.message : (error as Error).stack}\n`);
  process.exit(error instanceof AppError && error.isInputError ? 1 : 2);
});
