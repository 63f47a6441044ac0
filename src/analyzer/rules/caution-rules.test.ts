import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { photosensitising, pregnancyCaution, reefConcern } from "./caution-rules.js";
import { inci, makeEntry, makeIngredient, makeLabel, makeRegulation } from "./factories.js";

const reasons = (rule: typeof reefConcern, ...items: Parameters<typeof makeLabel>[0]) =>
  rule.evaluate(makeLabel(items)).map((h) => h.reason);

describe("pregnancy-caution", () => {
  it("fires on an authored caution, with its note", () => {
    const hq = makeIngredient({
      inci: "X",
      name: "Salicylic Acid",
      pregnancy: { caution: true, note: "Avoid high-strength peels." },
    });
    assert.deepEqual(reasons(pregnancyCaution, hq), [
      "Salicylic Acid: pregnancy caution: Avoid high-strength peels.",
    ]);
  });
  it("fires on retinoids known only by name", () => {
    assert.match(reasons(pregnancyCaution, inci("RETINYL PALMITATE"))[0] ?? "", /retinoid/);
  });
  it("does not fire without a caution", () => {
    const safe = makeIngredient({
      inci: "GLYCERIN",
      pregnancy: { caution: false, note: "Nothing specific known." },
    });
    assert.deepEqual(reasons(pregnancyCaution, safe, inci("BAKUCHIOL"), null), []);
  });
});

describe("photosensitising", () => {
  it("fires on AHAs, retinoids, phototoxic citrus oils and authored cautions", () => {
    const authored = makeIngredient({
      inci: "X",
      name: "X",
      photosensitising: { caution: true, note: "Use sunscreen." },
    });
    const hits = reasons(
      photosensitising,
      inci("GLYCOLIC ACID"),
      inci("RETINOL"),
      inci("CITRUS AURANTIUM BERGAMIA PEEL OIL"),
      inci("CITRUS LIMON PEEL OIL"),
      authored,
    );
    assert.equal(hits.length, 5);
    assert.match(hits[0] ?? "", /^Glycolic Acid: alpha-hydroxy acid: can increase sun sensitivity/);
    assert.match(hits[2] ?? "", /furocoumarins/);
    assert.equal(hits[4], "X: sun sensitivity: Use sunscreen.");
  });

  it("is honest about citric acid, and skips it below the 1 % line", () => {
    assert.match(reasons(photosensitising, inci("CITRIC ACID"))[0] ?? "", /usually a low-level pH adjuster/);
    const low = photosensitising.evaluate([makeEntry(inci("CITRIC ACID"), { belowOnePercent: true })]);
    assert.deepEqual(low, []);
  });

  it("notes when another AHA is after the 1 % line", () => {
    const phenoxy = makeIngredient({
      inci: "PHENOXYETHANOL",
      regulations: [makeRegulation({ annex: "V", maxPercent: 1 })],
    });
    const hits = reasons(photosensitising, inci("AQUA"), phenoxy, inci("LACTIC ACID"));
    assert.match(hits[0] ?? "", /here at 1 % or less/);
  });

  it("does not fire on sweet orange or neroli oil, PHAs, or unrecognised entries", () => {
    const silent = [
      "CITRUS AURANTIUM DULCIS PEEL OIL",
      "CITRUS AURANTIUM AMARA FLOWER OIL",
      "GLUCONOLACTONE",
      "CITRUS LIMON SEED OIL",
    ];
    assert.deepEqual(reasons(photosensitising, ...silent.map((n) => inci(n)), null), []);
  });
});

describe("reef-concern", () => {
  it("fires on oxybenzone and octinoxate (Hawaii Act 104), octocrylene and 4-MBC (Palau)", () => {
    const byUsName = makeIngredient({
      inci: "BENZOPHENONE-3",
      name: "Benzophenone-3",
      aliases: [{ name: "Oxybenzone", kind: "us-inci" }],
    });
    const hits = reasons(
      reefConcern,
      byUsName,
      inci("ETHYLHEXYL METHOXYCINNAMATE"),
      inci("OCTOCRYLENE"),
      inci("4-METHYLBENZYLIDENE CAMPHOR"),
    );
    assert.equal(hits.length, 4);
    assert.match(hits[0] ?? "", /Hawaii \(Act 104, 2018\)/);
    assert.match(hits[2] ?? "", /Palau/);
  });

  it("does not fire on mineral or other organic filters", () => {
    const silent = [
      "ZINC OXIDE",
      "TITANIUM DIOXIDE",
      "BIS-ETHYLHEXYLOXYPHENOL METHOXYPHENYL TRIAZINE",
      "HOMOSALATE",
    ];
    assert.deepEqual(reasons(reefConcern, ...silent.map((n) => inci(n)), null), []);
  });
});
