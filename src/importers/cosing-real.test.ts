/**
 * parseCosingInventory on the real CosIng files in the shared data folder (skipped, by name,
 * where the folder is absent).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { PROJECT_DIR } from "../paths.js";
import { parseCosingInventory } from "./cosing-parse.js";

const DATA = resolve(PROJECT_DIR, "..", "shared", "data");
const DERIVED = resolve(DATA, "cosing-inventory-derived-2020");
const OFFICIAL = resolve(DATA, "cosing-inventory-official-sample");

const skipUnless = (folder: string) => (existsSync(folder) ? false : `data folder absent: ${folder}`);

describe("the 2020 derived inventory (28,712 rows)", { skip: skipUnless(DERIVED) }, () => {
  const text = () => readFileSync(resolve(DERIVED, "cosing.csv"), "utf8");

  test("parses in well under a second", () => {
    // Best of three: the first run includes JIT warm-up, and a busy CI machine adds noise.
    const input = text();
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      parseCosingInventory(input);
      return Math.round(performance.now() - started);
    });
    assert.ok(Math.min(...times) < 1000, `took ${times.join(", ")} ms`);
  });

  test("yields 28,695 distinct names from 28,712 rows, with no problems", () => {
    // PROVENANCE counts 28,705 distinct raw strings. Two more pairs differ only by a doubled
    // space or NBSP (PEG-8  DIMETHICONE, CIMICIFUGA ACERINA  EXTRACT), and eight pairs only by
    // spaces around "/" or ")" ("ALPINIA SPECIOSA FLOWER/ LEAF/SEED/ STEM EXTRACT"), which
    // nameKey, the dictionary's identity of a name, treats as the same name: 28,712 - 17.
    const result = parseCosingInventory(text());
    assert.equal(result.format, "derived");
    assert.deepEqual(result.problems, []);
    assert.equal(result.merged, 17);
    assert.equal(result.rows.length, 28_695);
  });

  test("keeps both entries' identifiers for a duplicated name and cleans names", () => {
    const rows = new Map(parseCosingInventory(text()).rows.map((row) => [row.inci, row]));
    assert.deepEqual(rows.get("METHOXYETHANOL")?.ec, ["203-713-7", "251-174-1"]);
    assert.deepEqual(rows.get("HYDROGENATED PALM KERNEL OIL")?.cas, ["84540-04-5", "68990-82-9"]);
    assert.ok(rows.has("ACRONYCHIA ACIDULA FRUIT POWDER"));
    for (const inci of rows.keys()) assert.doesNotMatch(inci, /\u00A0| {2}|^ | $|[a-z]/, inci);
  });

  test("uses the CosIng function vocabulary and valid identifiers only", () => {
    const rows = parseCosingInventory(text()).rows;
    const functions = new Set(rows.flatMap((row) => row.functions));
    assert.ok(functions.size <= 79, `${functions.size} function labels`);
    assert.ok(functions.has("Skin Conditioning - Emollient"));
    for (const row of rows) {
      for (const cas of row.cas) assert.match(cas, /^\d{2,7}-\d{2}-\d$/);
      for (const ec of row.ec) assert.match(ec, /^\d{3}-\d{3}-\d$/);
    }
  });
});

describe("the official export sample (22 rows)", { skip: skipUnless(OFFICIAL) }, () => {
  const file = resolve(OFFICIAL, "COSING_Ingredients-Fragrance_Inventory_v2.first22rows.csv");

  test("yields 22 rows with reference numbers and dates", () => {
    const result = parseCosingInventory(readFileSync(file, "utf8"));
    assert.equal(result.format, "official");
    assert.deepEqual(result.problems, []);
    assert.equal(result.rows.length, 22);
    assert.ok(result.rows.every((row) => row.refNo !== null && row.updated !== null));
    const byName = new Map(result.rows.map((row) => [row.inci, row]));
    assert.deepEqual(byName.get("METHOXYETHANOL")?.restrictions, ["II/665"]);
    assert.deepEqual(byName.get("ASTROCARYUM VULGARE SEED BUTTER")?.functions, [
      "Skin Conditioning",
      "Skin Conditioning - Emollient",
    ]);
    assert.equal(byName.get("LACTOBACILLUS/GERMINATED SOYBEAN FERMENT FILTRATE")?.functions.length, 0);
  });
});
