import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ingredient } from "../../ingredients/types.js";
import { inci, makeEntry, makeIngredient, makeLabel, makeRegulation } from "./factories.js";
import { onePercentLine, onePercentLineRule } from "./one-percent.js";

const preservative = (
  name: string,
  maxPercent: number | null,
  maxConcentration: string | null = null,
): Ingredient =>
  makeIngredient({
    inci: name,
    regulations: [makeRegulation({ annex: "V", ref: "29", substance: name, maxPercent, maxConcentration })],
  });

const phenoxy = preservative("PHENOXYETHANOL", 1);

describe("onePercentLine", () => {
  it("is the position of the first Annex V preservative capped at 1 % or less", () => {
    const label = makeLabel([inci("AQUA"), inci("GLYCERIN"), phenoxy, inci("XANTHAN GUM")]);
    assert.equal(onePercentLine(label), 3);
  });

  it("also reads a single-number maxConcentration when maxPercent is missing", () => {
    assert.equal(onePercentLine(makeLabel([inci("AQUA"), preservative("PHENOXYETHANOL", null, "1.0 %")])), 2);
  });

  it("is null without a capped preservative, or when the cap is above 1 %", () => {
    const benzoic = preservative("BENZOIC ACID", 2.5);
    const perProduct = preservative("SODIUM BENZOATE", null, "a) 2.5% b) 1.7%");
    assert.equal(onePercentLine(makeLabel([inci("AQUA"), benzoic, perProduct])), null);
    assert.equal(onePercentLine([]), null);
  });

  it("ignores may-contain entries and Annex III links", () => {
    const restricted = makeIngredient({
      inci: "X",
      regulations: [makeRegulation({ annex: "III", maxPercent: 0.5 })],
    });
    const label = [
      makeEntry(phenoxy, { position: 1, group: "may_contain" }),
      makeEntry(restricted, { position: 2 }),
    ];
    assert.equal(onePercentLine(label), null);
  });
});

describe("one-percent-line rule", () => {
  it("hits every recognised main entry after the line in the same section, naming the preservative and its maximum", () => {
    const label = [
      ...makeLabel([inci("AQUA"), phenoxy, inci("XANTHAN GUM"), null]),
      makeEntry(inci("TOCOPHEROL"), { position: 5, group: "may_contain" }),
      makeEntry(inci("GLYCERIN"), { position: 6, section: 1 }),
    ];
    const hits = onePercentLineRule.evaluate(label);
    assert.deepEqual(hits, [
      {
        position: 3,
        reason: "Xanthan Gum: listed after Phenoxyethanol, Annex V maximum 1 %, so at 1 % or less",
      },
    ]);
  });

  it("draws one line per section of a kit", () => {
    const label = [
      ...makeLabel([inci("AQUA"), phenoxy, inci("A")]),
      makeEntry(inci("AQUA"), { position: 4, section: 1 }),
      makeEntry(preservative("SODIUM BENZOATE", 0.5), { position: 5, section: 1 }),
      makeEntry(inci("B"), { position: 6, section: 1 }),
    ];
    const hits = onePercentLineRule.evaluate(label);
    assert.deepEqual(
      hits.map((h) => h.position),
      [3, 6],
    );
    assert.match(hits[1]?.reason ?? "", /after Sodium Benzoate, Annex V maximum 0\.5 %/);
  });

  it("does not fire without a line", () => {
    assert.deepEqual(onePercentLineRule.evaluate(makeLabel([inci("AQUA"), inci("GLYCERIN")])), []);
  });
});
