import { Command, CommanderError } from "commander";
import { loadConfig } from "../config.js";
import { AppError } from "../errors.js";
import { type AnalyzeFlags, runAnalyze, runBatch } from "./analyze.js";
import { withContext, withDatabase } from "./context.js";
import { addEditorCommands } from "./editor.js";
import { runImport } from "./import.js";
import { runLookup } from "./lookup.js";
import { addNewsletterCommands } from "./newsletter.js";

/** The `inci-atlas` command line. Exit codes: 0 ok, 1 bad input, 2 internal error. */
function buildProgram(): Command {
  const program = new Command()
    .name("inci-atlas")
    .description("INCI Atlas: decode cosmetic ingredient lists and look up ingredients.")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("analyze")
    .description("Analyse an ingredient list (from TEXT, or stdin when TEXT is absent or -).")
    .argument("[text]", "the ingredient list; - or nothing reads stdin (up to 1 MB)")
    .option("--json", "print one JSON object instead of a table")
    .option("--claims <list>", "front-of-pack claims to check, comma-separated (e.g. fragrance-free,vegan)")
    .option("--batch", 'read JSON Lines {"id","text"} on stdin and write one result line each')
    .action(async (text: string | undefined, flags: AnalyzeFlags) => {
      await withContext(async (ctx) => {
        if (flags.batch) await runBatch(ctx.dictionary, flags);
        else await runAnalyze(ctx.dictionary, text, flags);
      });
    });

  program
    .command("lookup")
    .description("Show an ingredient by INCI name, alias, slug or CAS number (typos tolerated).")
    .argument("<name>", "the name to look up")
    .option("--json", "print JSON")
    .action(async (name: string, flags: { json?: boolean }) => {
      await withContext((ctx) => runLookup(ctx.dictionary, name, flags));
    });

  const importCommand = program
    .command("import")
    .description("Import third-party data through its importer.");
  importCommand
    .command("cosing")
    .description("Import a CosIng Ingredients & Fragrance Inventory CSV (official 10-column or 4-column).")
    .argument("<file>", "the CSV file")
    .action(async (file: string) => {
      await withDatabase((database) => runImport(database, "cosing", file));
    });
  importCommand
    .command("annex")
    .description("Import a CosIng annex export (Annex II, III, IV, V or VI).")
    .argument("<file>", "the CSV export")
    .action(async (file: string) => {
      await withDatabase((database) => runImport(database, "annex", file));
    });
  addEditorCommands(program);
  addNewsletterCommands(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    loadConfig();
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof AppError) {
      process.stderr.write(`inci-atlas: ${error.message}\n`);
      return error.isInputError ? 1 : 2;
    }
    process.stderr.write(`inci-atlas: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv);
