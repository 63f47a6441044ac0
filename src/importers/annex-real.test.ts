/**
 * parseAnnex on the real CosIng annex exports in the shared data folder (skipped, by name,
 * where a folder is absent). Expected counts come from each folder's PROVENANCE.md.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { PROJECT_DIR } from "../paths.js";
import { type AnnexParseResult, parseAnnex } from "./annex-parse.js";

const DATA = resolve(PROJECT_DIR, "..", "shared", "data");
const ANNEXES_2025 = resolve(DATA, "cosing-annexes-2025");
const ANNEXES_2026 = resolve(DATA, "cosing-annexes-iv-v-vi-2026");

const skipUnless = (folder: string) => (existsSync(folder) ? false : `data folder absent: ${folder}`);
const parseFile = (folder: string, file: string): AnnexParseResult =>
  parseAnnex(readFileSync(resolve(folder, file), "utf8"));

function assertClean(result: AnnexParseResult): void {
  assert.deepEqual(result.problems, []);
  for (const row of result.rows) {
    assert.equal(row.deleted, false);
    assert.equal(row.annex, result.annex);
    assert.doesNotMatch(row.ref, /\s/);
  }
}

describe("the 2025 Annex II and III exports", { skip: skipUnless(ANNEXES_2025) }, () => {
  test("Annex II: 1,744 data rows minus 18 deleted", () => {
    const started = performance.now();
    const result = parseFile(ANNEXES_2025, "COSING_Annex_II_v2.txt");
    assert.ok(performance.now() - started < 1000);
    assert.equal(result.annex, "II");
    assertClean(result);
    assert.equal(result.deleted, 18);
    assert.equal(result.merged, 0);
    assert.equal(result.rows.length, 1744 - 18);
    assert.equal(result.rows.filter((row) => row.ref === "38").length, 3);
    const entry416 = result.rows.find((row) => row.ref === "416");
    assert.equal(entry416?.line, 507);
    assert.equal(entry416?.substance, "Cells, tissues or products of human origin");
    assert.ok(entry416?.names.includes("HUMAN KERATINOCYTES"));
  });

  test("Annex III: 373 data rows minus 2 deleted; shared refs kept apart", () => {
    const result = parseFile(ANNEXES_2025, "COSING_Annex_III_v2.txt");
    assert.equal(result.annex, "III");
    assertClean(result);
    assert.equal(result.deleted, 2);
    assert.equal(result.rows.length, 373 - 2);
    const entries200 = result.rows.filter((row) => row.ref === "200").map((row) => row.substance);
    assert.equal(entries200.length, 2);
    const salicylic = result.rows.find((row) => row.ref === "98");
    assert.ok(salicylic?.names.includes("SALICYLIC ACID"));
    assert.equal(salicylic?.maxPercent, null);
    assert.equal(salicylic?.regulation, "(EU) 2021/850");
  });
});

describe("the 2026 Annex IV, V and VI exports", { skip: skipUnless(ANNEXES_2026) }, () => {
  test("Annex IV: 154 rows", () => {
    const result = parseFile(ANNEXES_2026, "annex_IV.csv");
    assert.equal(result.annex, "IV");
    assertClean(result);
    assert.equal(result.rows.length, 154);
    assert.equal(result.deleted, 0);
  });

  test("Annex V: 59 rows minus 3 deleted, the repeated entry 61 merged into one", () => {
    const result = parseFile(ANNEXES_2026, "annex_V.csv");
    assert.equal(result.annex, "V");
    assertClean(result);
    assert.equal(result.deleted, 3);
    assert.equal(result.merged, 1);
    assert.equal(result.rows.length, 59 - 3 - 1);
    const phenoxyethanol = result.rows.find((row) => row.cas.includes("122-99-6"));
    assert.equal(phenoxyethanol?.ref, "29");
    assert.equal(phenoxyethanol?.maxPercent, 1);
    assert.ok(result.rows.some((row) => row.ref === "12a"));
    for (const row of result.rows) assert.doesNotMatch(JSON.stringify(row), /<empty>|propellant/);
  });

  test("Annex VI: 34 rows minus 1 deleted", () => {
    const result = parseFile(ANNEXES_2026, "annex_VI.csv");
    assert.equal(result.annex, "VI");
    assertClean(result);
    assert.equal(result.deleted, 1);
    assert.equal(result.rows.length, 33);
    const oxybenzone = result.rows.find((row) => row.ref === "4");
    assert.ok(oxybenzone?.names.includes("Oxybenzone"));
    assert.equal(oxybenzone?.maxPercent, null);
  });
});
