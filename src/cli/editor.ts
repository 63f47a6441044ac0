import { type Command, Option } from "commander";
import { loadConfig } from "../config.js";
import { type Database, openMigratedDatabase } from "../db/database.js";
import {
  createEditor,
  findEditorByEmail,
  listEditors,
  normalizeEmail,
  ROLES,
  toEditor,
} from "../editors/accounts.js";
import { issueSetPasswordLink, LINK_HOURS } from "../editors/links.js";
import { AppError } from "../errors.js";
import { write } from "./io.js";

/** The audit log's actor for what the command line does (whoever has shell access to the server). */
const CLI_ACTOR = "cli";

function linkText(url: string, expiresAt: Date): string {
  return (
    `One-time set-password link (shown only now; valid ${LINK_HOURS} hours, until ${expiresAt.toISOString()}):\n` +
    `${url}\n`
  );
}

/** `inci-atlas editor create --email E --role R`: the account, then its set-password link. */
export async function editorCreate(
  database: Database,
  publicUrl: string,
  input: { email: string; role: string },
  now = new Date(),
): Promise<string> {
  const editor = await createEditor(database.db, input, CLI_ACTOR, now);
  const link = await issueSetPasswordLink(database.db, publicUrl, editor, CLI_ACTOR, now);
  return `Created ${editor.role} ${editor.email}.\n${linkText(link.url, link.expiresAt)}`;
}

/** `inci-atlas editor reset --email E`: a new link (the old one stops working); the password stays until used. */
export async function editorReset(
  database: Database,
  publicUrl: string,
  input: { email: string },
  now = new Date(),
): Promise<string> {
  const row = await findEditorByEmail(database.db, normalizeEmail(input.email));
  if (!row) throw new AppError("not_found", `There is no editor with the address ${input.email}.`, "email");
  const link = await issueSetPasswordLink(database.db, publicUrl, toEditor(row), CLI_ACTOR, now);
  return linkText(link.url, link.expiresAt);
}

/** `inci-atlas editor list`: one line per account. */
export async function editorList(database: Database): Promise<string> {
  const editors = await listEditors(database.db);
  if (editors.length === 0) return "No editors yet: create one with `inci-atlas editor create`.\n";
  const rows = editors.map((e) => [
    e.email,
    e.role,
    e.disabledAt ? "disabled" : e.hasPassword ? "active" : "no password yet",
    e.createdAt.slice(0, 10),
  ]);
  const all = [["E-mail", "Role", "Status", "Created"], ...rows];
  const widths = all[0]?.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length))) ?? [];
  return `${all
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

/** Editor commands need the tables, not the ingredient corpus: open the database only. */
async function withEditorDatabase(run: (database: Database, publicUrl: string) => Promise<string>) {
  const config = loadConfig();
  const database = await openMigratedDatabase(config.database);
  try {
    await write(await run(database, config.publicUrl));
  } finally {
    await database.close();
  }
}

export function addEditorCommands(program: Command): void {
  const editor = program.command("editor").description("Manage editor accounts (admin and editor roles).");
  editor
    .command("create")
    .description("Create an editor account and print its one-time set-password link.")
    .requiredOption("--email <email>", "the editor's e-mail address")
    .addOption(new Option("--role <role>", "what the account may do").choices(ROLES).makeOptionMandatory())
    .action(async (flags: { email: string; role: string }) => {
      await withEditorDatabase((database, publicUrl) => editorCreate(database, publicUrl, flags));
    });
  editor
    .command("list")
    .description("List editor accounts.")
    .action(async () => {
      await withEditorDatabase((database) => editorList(database));
    });
  editor
    .command("reset")
    .description("Print a new set-password link for an editor (earlier links stop working).")
    .requiredOption("--email <email>", "the editor's e-mail address")
    .action(async (flags: { email: string }) => {
      await withEditorDatabase((database, publicUrl) => editorReset(database, publicUrl, flags));
    });
}
