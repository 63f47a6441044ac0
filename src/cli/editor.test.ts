import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { describeEachDatabase } from "../../test/databases.js";
import { listAudit } from "../audit/audit.js";
import type { Database } from "../db/database.js";
import { tokenOf } from "../editors/factories.js";
import { checkSetPasswordLink } from "../editors/links.js";
import { PROJECT_DIR } from "../paths.js";
import { editorCreate, editorList, editorReset } from "./editor.js";

const T0 = new Date("2026-05-04T08:00:00.000Z");

describeEachDatabase("inci-atlas editor (functions)", (make) => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    const made = await make();
    database = await made.open();
    drop = made.drop;
  });
  after(async () => {
    await database.close();
    await drop();
  });

  it("create prints a one-time link valid 72 hours; reset replaces it; list shows the account", async () => {
    assert.equal(await editorList(database), "No editors yet: create one with `inci-atlas editor create`.\n");
    const out = await editorCreate(
      database,
      "https://atlas.example",
      { email: "Boss@Example.org", role: "admin" },
      T0,
    );
    assert.match(out, /^Created admin boss@example\.org\./);
    assert.match(out, /until 2026-05-07T08:00:00\.000Z/);
    const url = /(https:\S+)/.exec(out)?.[1] as string;
    assert.match(url, /^https:\/\/atlas\.example\/admin\/set-password\?token=[\w-]{43}$/);
    const editor = await checkSetPasswordLink(database.db, tokenOf(url), T0);
    assert.equal(editor.role, "admin");

    const reset = await editorReset(database, "https://atlas.example", { email: "BOSS@example.org" }, T0);
    const newUrl = /(https:\S+)/.exec(reset)?.[1] as string;
    assert.notEqual(newUrl, url);
    await assert.rejects(checkSetPasswordLink(database.db, tokenOf(url), T0), { code: "link_invalid" });
    await checkSetPasswordLink(database.db, tokenOf(newUrl), T0);

    assert.match(await editorList(database), /boss@example\.org\s+admin\s+no password yet\s+2026-05-04/);
    const audit = await listAudit(database.db, { actor: "cli" });
    assert.deepEqual(
      audit.records.map((r) => r.action),
      ["editor.link_issued", "editor.link_issued", "editor.created"],
    );
  });

  it("refuses a duplicate, an invalid address and an unknown one", async () => {
    await assert.rejects(editorCreate(database, "http://x", { email: "boss@example.org", role: "editor" }), {
      code: "editor_exists",
    });
    await assert.rejects(editorCreate(database, "http://x", { email: "boss", role: "editor" }), {
      code: "invalid_email",
    });
    await assert.rejects(editorReset(database, "http://x", { email: "who@example.org" }), {
      code: "not_found",
    });
  });
});

describe("inci-atlas editor (the command)", () => {
  const dir = mkdtempSync(join(tmpdir(), "inci-atlas-editor-cli-"));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, "cli.db")}`,
    PUBLIC_URL: "https://atlas.example",
    LOG_LEVEL: "silent",
  };
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => {
    const result = spawnSync(
      process.execPath,
      ["--import", import.meta.resolve("tsx"), resolve(PROJECT_DIR, "src/cli/main.ts"), "editor", ...args],
      { cwd: dir, env, encoding: "utf8" },
    );
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it("exits 0 with the link, 1 on bad input (a duplicate, an unknown role)", () => {
    const created = cli(["create", "--email", "ed@example.org", "--role", "editor"]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /https:\/\/atlas\.example\/admin\/set-password\?token=[\w-]{43}\n/);
    const again = cli(["create", "--email", "ed@example.org", "--role", "editor"]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists already/);
    assert.equal(cli(["create", "--email", "ed2@example.org", "--role", "owner"]).code, 1);
  });
});
