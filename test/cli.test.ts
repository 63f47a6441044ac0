import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { PROJECT_DIR } from "../src/paths.js";

const dir = mkdtempSync(join(tmpdir(), "inci-atlas-cli-"));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, "cli.db")}` };
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), resolve(PROJECT_DIR, "src/cli/main.ts"), ...args],
    {
      cwd: dir,
      env,
      input,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("inci-atlas analyze", () => {
  it("prints the JSON contract", () => {
    const { code, stdout } = cli([
      "analyze",
      "--json",
      "Aqua/Water/Eau, Glycerin, Parfum, Linalool, Niacinamde",
    ]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.deepEqual(Object.keys(result.entries[0]).sort(), [
      "belowOnePercent",
      "confidence",
      "flags",
      "functions",
      "group",
      "inci",
      "match",
      "name",
      "nano",
      "percent",
      "position",
      "section",
      "slug",
      "text",
    ]);
    assert.deepEqual(result.entries[0], {
      position: 1,
      text: "Aqua/Water/Eau",
      inci: "AQUA",
      name: "Water",
      slug: "aqua",
      match: "exact",
      confidence: 1,
      group: "main",
      section: 0,
      percent: null,
      belowOnePercent: false,
      nano: false,
      functions: ["Antiplaque", "Skin Conditioning", "Solvent"],
      flags: [],
    });
    assert.equal(result.entries[4].match, "fuzzy");
    assert.equal(result.entries[4].inci, "NIACINAMIDE");
    const allergen = result.flags.find((f: { id: string }) => f.id === "eu-allergen-label");
    assert.deepEqual(allergen.positions, [4]);
    assert.ok(Array.isArray(result.skipped) && Array.isArray(result.claims));
  });

  it("reads stdin and prints an aligned table", () => {
    const { code, stdout } = cli(["analyze"], "Water, Glycerin, Phenoxyethanol");
    assert.equal(code, 0);
    assert.match(stdout, /^#\s+Text\s+INCI/m);
    assert.match(stdout, /PHENOXYETHANOL/);
  });

  it("gives no entries and a notice for text with no list", () => {
    const { code, stdout } = cli(["analyze", "--json", "No Info"]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.entries.length, 0);
    assert.equal(typeof result.notice, "string");
  });

  it("checks claims", () => {
    const { stdout } = cli(["analyze", "--json", "--claims", "fragrance-free,vegan", "Water, Parfum"]);
    const claims = JSON.parse(stdout).claims;
    assert.deepEqual(
      claims.map((c: { claim: string; holds: boolean }) => [c.claim, c.holds]),
      [
        ["fragrance-free", false],
        ["vegan", true],
      ],
    );
  });

  it("refuses an unknown claim with exit 1", () => {
    const { code, stderr } = cli(["analyze", "--claims", "miracle-free", "Water"]);
    assert.equal(code, 1);
    assert.match(stderr, /Unknown claim/);
  });

  it("refuses more than 1 MB with exit 1", () => {
    const { code, stderr } = cli(["analyze", "-"], "Water, ".repeat(150_000));
    assert.equal(code, 1);
    assert.match(stderr, /longer than/);
  });

  it("analyses a batch, continuing after a bad line", () => {
    const input = [
      JSON.stringify({ id: "a", text: "Water, Glycerin" }),
      "not json",
      JSON.stringify({ id: "c", text: 42 }),
      JSON.stringify({ id: "d", text: "Parfum" }),
    ].join("\n");
    const { code, stdout } = cli(["analyze", "--batch"], input);
    assert.equal(code, 0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => l.id),
      ["a", null, "c", "d"],
    );
    assert.equal(lines[0].result.entries.length, 2);
    assert.equal(lines[1].error.code, "invalid_json");
    assert.equal(lines[2].error.code, "bad_input");
    assert.equal(lines[3].result.entries[0].inci, "PARFUM");
  });
});

describe("inci-atlas lookup, import, help", () => {
  it("looks up an alias", () => {
    const { code, stdout } = cli(["lookup", "--json", "vitamin b3"]);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).slug, "niacinamide");
  });

  it("exits 1 when nothing matches", () => {
    const { code, stderr } = cli(["lookup", "definitely not an ingredient"]);
    assert.equal(code, 1);
    assert.match(stderr, /No ingredient/);
  });

  it("imports CosIng rows and reports a malformed row with its line number", () => {
    const file = join(dir, "inventory.csv");
    writeFileSync(
      file,
      'inci_name,cas_number,einecs_number,function\nINCI ATLAS TEST ESTER,99999-99-9,,Emollient\n"BROKEN\n',
    );
    const { code, stdout, stderr } = cli(["import", "cosing", file]);
    assert.equal(code, 0);
    assert.match(stdout, /1 new/);
    assert.match(stderr, /inventory\.csv:3: skipped/);
    assert.equal(cli(["lookup", "--json", "inci atlas test ester"]).code, 0);
  });

  it("exits 1 on a missing file", () => {
    assert.equal(cli(["import", "annex", join(dir, "missing.csv")]).code, 1);
  });

  it("shows help on every command", () => {
    for (const args of [
      ["--help"],
      ["analyze", "--help"],
      ["lookup", "--help"],
      ["import", "cosing", "--help"],
    ]) {
      const { code, stdout } = cli(args);
      assert.equal(code, 0, args.join(" "));
      assert.match(stdout, /Usage: inci-atlas/);
    }
  });
});
