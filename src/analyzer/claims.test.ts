import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CLAIMS, checkClaims, isClaim } from "./claims.js";
import { inci, makeEntry, makeIngredient, makeLabel } from "./rules/factories.js";

const check = (claim: string, ...items: Parameters<typeof makeLabel>[0]) => {
  const [result] = checkClaims(makeLabel(items), [claim]);
  assert.ok(result, `no result for ${claim}`);
  return result;
};

describe("CLAIMS and isClaim", () => {
  it("supports the front-of-pack claims", () => {
    for (const id of [
      "fragrance-free",
      "sulfate-free",
      "paraben-free",
      "silicone-free",
      "alcohol-free",
      "vegan",
      "non-comedogenic",
    ]) {
      assert.ok(isClaim(id), id);
    }
    assert.ok(CLAIMS.includes("essential-oil-free"));
    assert.equal(isClaim("cruelty-free"), false);
    assert.equal(isClaim("Fragrance-Free"), false);
  });

  it("skips unknown claim ids without throwing, and answers each known claim once, in order", () => {
    const results = checkClaims(makeLabel([inci("AQUA")]), ["nonsense", "vegan", "sulfate-free", "vegan"]);
    assert.deepEqual(
      results.map((r) => r.claim),
      ["vegan", "sulfate-free"],
    );
  });
});

/** [claim, INCI names that contradict it, INCI names that do not] */
const TABLE: Array<[string, string[], string[]]> = [
  [
    "fragrance-free",
    ["PARFUM", "LAVANDULA ANGUSTIFOLIA OIL", "LIMONENE"],
    ["BENZYL ALCOHOL", "GLYCERIN", "HELIANTHUS ANNUUS SEED OIL"],
  ],
  ["essential-oil-free", ["MENTHA PIPERITA OIL"], ["PARFUM", "OLEA EUROPAEA FRUIT OIL"]],
  [
    "sulfate-free",
    ["SODIUM LAURETH SULFATE"],
    ["MAGNESIUM SULFATE", "DISODIUM LAURETH SULFOSUCCINATE", "COCAMIDOPROPYL BETAINE"],
  ],
  ["paraben-free", ["PROPYLPARABEN"], ["PHENOXYETHANOL"]],
  ["silicone-free", ["CYCLOPENTASILOXANE", "PEG-12 DIMETHICONE"], ["SILICA"]],
  [
    "alcohol-free",
    ["ALCOHOL DENAT.", "ISOPROPYL ALCOHOL"],
    ["CETEARYL ALCOHOL", "CETYL ALCOHOL", "BENZYL ALCOHOL"],
  ],
  ["formaldehyde-releaser-free", ["DIAZOLIDINYL UREA"], ["UREA"]],
  ["isothiazolinone-free", ["METHYLISOTHIAZOLINONE"], ["SODIUM BENZOATE"]],
  ["peg-free", ["PEG-40 HYDROGENATED CASTOR OIL", "POLYSORBATE 20", "CETEARETH-20"], ["GLYCERYL STEARATE"]],
];

describe("checkClaims: contradictions", () => {
  for (const [claim, contradicting, compatible] of TABLE) {
    it(`${claim} is contradicted by ${contradicting.join(", ")}`, () => {
      const result = check(claim, ...compatible.map((n) => inci(n)), ...contradicting.map((n) => inci(n)));
      assert.equal(result.holds, false);
      const expected = contradicting.map((_, i) => compatible.length + i + 1);
      assert.deepEqual(result.positions, expected);
      assert.equal(result.reasons.length, expected.length);
    });
    it(`${claim} holds with ${compatible.join(", ")}`, () => {
      const result = check(claim, ...compatible.map((n) => inci(n)));
      assert.equal(result.holds, true);
      assert.deepEqual(result.positions, []);
    });
  }
});

describe("checkClaims: reasons and certainty", () => {
  it("names the ingredient, one reason per entry", () => {
    const lavender = makeIngredient({ inci: "LAVANDULA ANGUSTIFOLIA OIL", name: "Lavender Oil" });
    const result = check("fragrance-free", lavender);
    assert.equal(result.reasons.length, 1);
    assert.match(
      result.reasons[0] ?? "",
      /^Lavender Oil: essential oil.*; fragrance allergen \(Annex III entry 360\)/,
    );
  });

  it("counts may-contain entries", () => {
    const [result] = checkClaims(
      [makeEntry(inci("PARFUM"), { position: 3, group: "may_contain" })],
      ["fragrance-free"],
    );
    assert.equal(result?.holds, false);
    assert.deepEqual(result?.positions, [3]);
  });

  it("vegan: contradicted by animal- and human-derived ingredients", () => {
    const beeswax = makeIngredient({ inci: "CERA ALBA", name: "Beeswax", origin: "animal", vegan: false });
    const result = check("vegan", makeIngredient({ inci: "AQUA", origin: "mineral", vegan: true }), beeswax);
    assert.equal(result.holds, false);
    assert.deepEqual(result.positions, [2]);
    assert.match(result.reasons[0] ?? "", /^Beeswax: /);
  });

  it("vegan: unknown origin does not contradict, but is listed as unverified", () => {
    const result = check(
      "vegan",
      makeIngredient({ inci: "AQUA", origin: "mineral", vegan: true }),
      inci("GLYCERIN"),
    );
    assert.equal(result.holds, true);
    assert.deepEqual(result.unverified?.positions, [2]);
    assert.match(result.unverified?.reasons[0] ?? "", /^Glycerin: origin not recorded/);
  });

  it("lists unrecognised entries as unverified for every claim", () => {
    const entries = [
      makeEntry(inci("AQUA"), { position: 1 }),
      makeEntry(null, { position: 2, text: "Mystery Extract" }),
    ];
    for (const result of checkClaims(entries, CLAIMS)) {
      assert.ok(result.unverified?.positions.includes(2), result.claim);
      assert.ok(
        result.unverified?.reasons.some((r) => r.startsWith("Mystery Extract: not recognised")),
        result.claim,
      );
    }
  });

  it("non-comedogenic: contradicted by a rating of 3 or more only", () => {
    const rated = (value: number) =>
      makeIngredient({
        inci: `OIL ${value}`,
        comedogenic: { value, basis: "tested", rationale: "rabbit ear study result", sources: [] },
      });
    assert.equal(check("non-comedogenic", rated(2), inci("ISOPROPYL MYRISTATE")).holds, true);
    const result = check("non-comedogenic", rated(2), rated(4));
    assert.deepEqual(result.positions, [2]);
  });
});
