import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Annex, RegulationEntry } from "../../ingredients/types.js";
import type { Rule } from "../types.js";
import { inci, makeIngredient, makeLabel, makeRegulation } from "./factories.js";
import { euColorant, euPreservative, euProhibited, euRestricted, euUvFilter } from "./regulation-rules.js";

function linked(name: string, ...regs: Array<Partial<RegulationEntry> & { annex: Annex }>) {
  return makeIngredient({ inci: name, regulations: regs.map(makeRegulation) });
}

const reasons = (rule: Rule, ...items: Parameters<typeof makeLabel>[0]) =>
  rule.evaluate(makeLabel(items)).map((h) => h.reason);

describe("EU annex rules", () => {
  it("eu-prohibited: warning, with the Annex II entry number and substance", () => {
    const placenta = linked("HUMAN PLACENTA EXTRACT", {
      annex: "II",
      ref: "416",
      substance: "Cells, tissues or products of human origin",
    });
    assert.equal(euProhibited.severity, "warning");
    assert.deepEqual(reasons(euProhibited, placenta, inci("GLYCERIN")), [
      "Human Placenta Extract: Annex II entry 416 (Cells, tissues or products of human origin), prohibited in EU cosmetic products",
    ]);
  });

  it("eu-restricted: conditions and warnings, shortened", () => {
    const peroxide = linked("HYDROGEN PEROXIDE", {
      annex: "III",
      ref: "12",
      substance: "Hydrogen peroxide",
      productType: "Hair products",
      maxConcentration: "12 % of H2O2 (40 volumes), present or released",
      warnings: `Contains hydrogen peroxide. Avoid contact with eyes. Rinse eyes immediately if product comes into contact with them. ${"Long text. ".repeat(20)}`,
    });
    const [reason] = reasons(euRestricted, peroxide);
    assert.match(
      reason ?? "",
      /^Hydrogen Peroxide: Annex III entry 12 \(Hydrogen peroxide\): max 12 % of H2O2/,
    );
    assert.match(reason ?? "", /products: Hair products; warning: Contains hydrogen peroxide/);
    assert.ok((reason ?? "").length < 400, "long warnings are shortened");
    assert.match(reason ?? "", /…$/);
  });

  it("eu-restricted leaves labelling-only allergen entries to eu-allergen-label, but keeps allergens with a maximum", () => {
    const linalool = linked("LINALOOL", { annex: "III", ref: "84", substance: "Linalool" });
    const isoeugenol = linked("ISOEUGENOL", {
      annex: "III",
      ref: "73",
      substance: "Isoeugenol",
      maxConcentration: "0,02 %",
    });
    assert.deepEqual(reasons(euRestricted, linalool), []);
    assert.equal(reasons(euRestricted, isoeugenol).length, 1);
  });

  it("eu-preservative: the Annex V maximum", () => {
    const phenoxy = linked("PHENOXYETHANOL", {
      annex: "V",
      ref: "29",
      substance: "2-Phenoxyethanol",
      maxPercent: 1,
    });
    const benzoate = linked("SODIUM BENZOATE", {
      annex: "V",
      ref: "1",
      substance: "Benzoic acid and its sodium salt",
      maxConcentration: "a) 2.5% (acid) b) 1.7% (acid) c) 0.5% (acid)",
    });
    assert.deepEqual(reasons(euPreservative, phenoxy, benzoate), [
      "Phenoxyethanol: Annex V entry 29 (2-Phenoxyethanol), authorised preservative, max 1 %",
      "Sodium Benzoate: Annex V entry 1 (Benzoic acid and its sodium salt), authorised preservative, max a) 2.5% (acid) b) 1.7% (acid) c) 0.5% (acid)",
    ]);
  });

  it("eu-uv-filter and eu-colorant fire on their own annex only", () => {
    const tio2 = linked(
      "TITANIUM DIOXIDE",
      { annex: "VI", ref: "27", substance: "Titanium dioxide", maxPercent: 25 },
      { annex: "IV", ref: "143", substance: "CI 77891" },
    );
    assert.deepEqual(reasons(euUvFilter, tio2), [
      "Titanium Dioxide: Annex VI entry 27 (Titanium dioxide), authorised UV filter, max 25 %",
    ]);
    assert.deepEqual(reasons(euColorant, tio2), [
      "Titanium Dioxide: Annex IV entry 143 (CI 77891), authorised colorant",
    ]);
    assert.deepEqual(reasons(euColorant, linked("X", { annex: "VI" })), []);
  });

  it("none fires without an annex link, nor on unrecognised entries", () => {
    for (const rule of [euProhibited, euRestricted, euPreservative, euUvFilter, euColorant]) {
      assert.deepEqual(reasons(rule, inci("OXYBENZONE"), null), [], rule.id);
    }
  });

  it("cites Regulation (EC) No 1223/2009 and the article", () => {
    assert.match(euProhibited.source, /1223\/2009, Article 14\(1\)\(a\) and Annex II/);
    assert.match(euPreservative.source, /Annex V$/);
  });
});
