import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { allergenByRef, allergensNamed } from "./allergen-lookup.js";
import { EU_ALLERGENS } from "./eu-allergens.js";

const REFERENCE_CSV = "/work/shared/data/eu-fragrance-allergens-labelling/fragrance_allergens_annex_iii.csv";

describe("EU_ALLERGENS data", () => {
  it("has the 81 labelling entries of the reference export, each reference number once", () => {
    assert.equal(EU_ALLERGENS.length, 81);
    assert.equal(new Set(EU_ALLERGENS.map((a) => a.ref)).size, 81);
  });

  it("counts 62 entries from Regulation (EU) 2023/1545, 17 from 1223/2009 and 2 from 344/2013", () => {
    const count = (r: string) => EU_ALLERGENS.filter((a) => a.regulation === r).length;
    assert.equal(count("Regulation (EU) 2023/1545"), 62);
    assert.equal(count("Regulation (EC) No 1223/2009"), 17);
    assert.equal(count("Regulation (EU) No 344/2013"), 2);
  });

  it("gives every entry a label name, at least one trigger name in upper case, and well-formed CAS numbers", () => {
    for (const a of EU_ALLERGENS) {
      assert.ok(a.labelName.length > 0, a.ref);
      assert.ok(a.inci.length > 0, a.ref);
      for (const name of a.inci) assert.equal(name, name.toUpperCase(), `${a.ref} ${name}`);
      for (const cas of a.cas) assert.match(cas, /^\d{2,7}-\d{2}-\d$/, `${a.ref} ${cas}`);
    }
  });

  it("uses the group label names the regulation prescribes", () => {
    const cases: Array<[string, string]> = [
      ["70", "Citral"],
      ["157", "Rose Ketones"],
      ["354", "Lemongrass Oil"],
      ["357", "Jasmine Oil/Extract"],
      ["360", "Lavandula Oil/Extract"],
      ["366", "Rose Flower Oil/Extract"],
      ["84", "Linalool"],
      ["88", "Limonene"],
    ];
    for (const [ref, label] of cases) assert.equal(allergenByRef(ref)?.labelName, label, ref);
  });

  it("drops 79 (HICC) and 83 (butylphenyl methylpropional), now prohibited", () => {
    assert.equal(allergenByRef("79"), undefined);
    assert.equal(allergenByRef("83"), undefined);
    assert.deepEqual(allergensNamed("BUTYLPHENYL METHYLPROPIONAL"), []);
  });

  it("finds entries by any trigger name, case-insensitively", () => {
    assert.equal(allergensNamed("geranial")[0]?.ref, "70");
    assert.equal(allergensNamed("Cymbopogon Citratus Leaf Oil")[0]?.ref, "354");
    assert.deepEqual(allergensNamed("GLYCERIN"), []);
  });

  it("matches the reference CSV: same reference numbers and CAS numbers", {
    skip: !existsSync(REFERENCE_CSV),
  }, () => {
    const text = readFileSync(REFERENCE_CSV, "utf8");
    const refs = [...text.matchAll(/^(\d+),/gm)].map((m) => m[1]);
    assert.deepEqual([...refs].sort(), EU_ALLERGENS.map((a) => a.ref).sort());
    for (const a of EU_ALLERGENS) for (const cas of a.cas) assert.ok(text.includes(cas), `${a.ref} ${cas}`);
  });
});
