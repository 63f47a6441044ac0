import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Rule } from "../types.js";
import {
  dryingAlcohol,
  essentialOil,
  formaldehydeReleaser,
  fragrance,
  isothiazolinone,
  paraben,
  silicone,
  sulfate,
} from "./category-rules.js";
import { inci, makeEntry, makeIngredient, makeLabel, makeRegulation } from "./factories.js";

/** [rule, INCI names that fire it (with a reason pattern), INCI names that do not] */
type Case = [Rule, Array<[string, RegExp]>, string[]];

const CASES: Case[] = [
  [
    fragrance,
    [
      ["PARFUM", /^Parfum: fragrance \(perfume or aroma composition\)/],
      ["AROMA", /fragrance/],
    ],
    ["LINALOOL", "GLYCERIN", "BENZYL ALCOHOL"],
  ],
  [
    essentialOil,
    [
      ["LAVANDULA ANGUSTIFOLIA OIL", /^Lavandula Angustifolia Oil: essential oil/],
      ["MENTHA PIPERITA OIL", /essential oil/],
      ["EUCALYPTUS GLOBULUS LEAF OIL", /essential oil/],
    ],
    ["HELIANTHUS ANNUUS SEED OIL", "PARFUM", "SIMMONDSIA CHINENSIS SEED OIL"],
  ],
  [
    silicone,
    [
      ["DIMETHICONE", /^Dimethicone: silicone, not water-soluble/],
      ["PEG-12 DIMETHICONE", /silicone, water-soluble/],
    ],
    ["SILICA", "SODIUM SILICATE"],
  ],
  [
    sulfate,
    [
      ["SODIUM LAURYL SULFATE", /reference skin irritant/],
      ["SODIUM LAURETH SULFATE", /^Sodium Laureth Sulfate: alkyl sulfate surfactant/],
    ],
    [
      "MAGNESIUM SULFATE",
      "ZINC SULFATE",
      "DISODIUM LAURETH SULFOSUCCINATE",
      "SODIUM C14-16 OLEFIN SULFONATE",
    ],
  ],
  [
    paraben,
    [
      ["METHYLPARABEN", /^Methylparaben: paraben preservative$/],
      ["PROPYLPARABEN", /0\.14 %/],
      ["ISOBUTYLPARABEN", /prohibited in the EU since Regulation \(EU\) No 358\/2014/],
    ],
    ["PHENOXYETHANOL", "4-HYDROXYBENZOIC ACID"],
  ],
  [
    formaldehydeReleaser,
    [
      ["DMDM HYDANTOIN", /releases formaldehyde/],
      ["QUATERNIUM-15", /formaldehyde-releasing/],
    ],
    ["HYDANTOIN", "UREA", "QUATERNIUM-18"],
  ],
  [
    isothiazolinone,
    [
      ["METHYLISOTHIAZOLINONE", /leave-on products \(Regulation \(EU\) 2016\/1198\)/],
      ["METHYLCHLOROISOTHIAZOLINONE", /rinse-off only/],
      ["BENZISOTHIAZOLINONE", /frequent contact allergen$/],
    ],
    ["PHENOXYETHANOL", "SODIUM BENZOATE"],
  ],
];

for (const [rule, firing, silent] of CASES) {
  describe(rule.id, () => {
    for (const [name, pattern] of firing) {
      it(`fires on ${name}`, () => {
        const hits = rule.evaluate(makeLabel([inci(name)]));
        assert.equal(hits.length, 1);
        assert.match(hits[0]?.reason ?? "", pattern);
      });
    }
    it(`does not fire on ${silent.join(", ")} or unrecognised entries`, () => {
      assert.deepEqual(rule.evaluate(makeLabel([...silent.map((n) => inci(n)), null])), []);
    });
  });
}

describe("fragrance from authored facts", () => {
  it("fires on an authored fragrance category", () => {
    const blend = makeIngredient({ inci: "PERFUME BASE 7", name: "Perfume Base", categories: ["fragrance"] });
    assert.equal(fragrance.evaluate(makeLabel([blend]))[0]?.reason, "Perfume Base: fragrance ingredient");
  });
});

describe("drying-alcohol", () => {
  it("fires on alcohol denat., with its place on the list", () => {
    const hits = dryingAlcohol.evaluate(makeLabel([inci("AQUA"), inci("ALCOHOL DENAT.")]));
    assert.deepEqual(
      hits.map((h) => h.position),
      [2],
    );
    assert.match(
      hits[0]?.reason ?? "",
      /^Alcohol Denat\.: short-chain \(drying\) alcohol.*among the first five/,
    );
  });

  it("says when the alcohol sits after the 1 % line", () => {
    const phenoxy = makeIngredient({
      inci: "PHENOXYETHANOL",
      regulations: [makeRegulation({ annex: "V", ref: "29", maxPercent: 1 })],
    });
    const label = makeLabel([inci("AQUA"), inci("GLYCERIN"), phenoxy, inci("X"), inci("Y"), inci("ALCOHOL")]);
    assert.match(dryingAlcohol.evaluate(label)[0]?.reason ?? "", /after the 1 % line, so at 1 % or less/);
  });

  it("does not fire on fatty alcohols or benzyl alcohol", () => {
    const names = [
      "CETYL ALCOHOL",
      "CETEARYL ALCOHOL",
      "STEARYL ALCOHOL",
      "BEHENYL ALCOHOL",
      "BENZYL ALCOHOL",
    ];
    assert.deepEqual(dryingAlcohol.evaluate(makeLabel(names.map((n) => inci(n)))), []);
  });

  it("counts may-contain entries", () => {
    const hits = dryingAlcohol.evaluate([makeEntry(inci("ALCOHOL"), { position: 9, group: "may_contain" })]);
    assert.equal(hits[0]?.position, 9);
  });
});
