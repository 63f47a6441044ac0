import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inci, makeIngredient, makeLabel } from "./factories.js";
import { humanDerived, notVegan, originUnknown } from "./origin-rules.js";

const reasons = (rule: typeof notVegan, ...items: Parameters<typeof makeLabel>[0]) =>
  rule.evaluate(makeLabel(items)).map((h) => h.reason);

describe("not-vegan", () => {
  const firing: Array<[string, ReturnType<typeof makeIngredient>, RegExp]> = [
    ["vegan false", makeIngredient({ inci: "X", name: "Lanolin", vegan: false }), /^Lanolin: not vegan/],
    [
      "animal origin",
      makeIngredient({ inci: "CERA ALBA", name: "Beeswax", origin: "animal", vegan: null }),
      /animal-derived/,
    ],
    [
      "human origin",
      makeIngredient({ inci: "STEM CELL MEDIA", origin: "human-derived", vegan: false }),
      /human-derived, so not vegan/,
    ],
    ["an imported animal name", inci("HYDROLYZED COLLAGEN"), /animal protein.*inferred from the name/],
    ["carmine", inci("CI 75470"), /cochineal/],
    ["snail secretion", inci("SNAIL SECRETION FILTRATE"), /snail/],
  ];
  for (const [what, ingredient, pattern] of firing) {
    it(`fires on ${what}`, () => assert.match(reasons(notVegan, ingredient)[0] ?? "", pattern));
  }

  it("does not fire on vegan, unknown-origin or lab-made ingredients, nor unrecognised entries", () => {
    const plant = makeIngredient({ inci: "GLYCERIN", origin: "plant", vegan: true });
    const authoredCollagen = makeIngredient({ inci: "HYDROLYZED COLLAGEN", origin: "biotech", vegan: true });
    const recombinant = inci("RH-COLLAGEN");
    assert.deepEqual(reasons(notVegan, plant, inci("SQUALANE"), authoredCollagen, recombinant, null), []);
  });
});

describe("originUnknown", () => {
  it("is true without vegan or origin facts, false when known either way", () => {
    assert.equal(originUnknown(inci("GLYCERIN")), true);
    assert.equal(originUnknown(makeIngredient({ inci: "GLYCERIN", origin: "mixed" })), true);
    assert.equal(originUnknown(makeIngredient({ inci: "GLYCERIN", origin: "plant", vegan: true })), false);
    assert.equal(originUnknown(inci("CERA ALBA")), false);
  });
});

describe("human-derived", () => {
  it("fires on a human-derived origin or a HUMAN name, as a warning citing Annex II entry 416", () => {
    const media = makeIngredient({
      inci: "HUMAN AMNIOTIC MEMBRANE STEM CELL CONDITIONED MEDIA",
      name: "Human Amniotic Membrane Stem Cell Conditioned Media",
    });
    const authored = makeIngredient({
      inci: "CONDITIONED MEDIA X",
      name: "Media X",
      origin: "human-derived",
    });
    const hits = reasons(humanDerived, media, authored);
    assert.equal(hits.length, 2);
    assert.match(hits[0] ?? "", /^Human Amniotic .*: human-derived; .*Annex II entry 416/);
    assert.equal(humanDerived.severity, "warning");
  });

  it("does not fire on synthetic sh- peptides, recombinant rh- peptides or other ingredients", () => {
    const sh = makeIngredient({
      inci: "SH-OLIGOPEPTIDE-1",
      aliases: [{ name: "SH-Human Oligopeptide-1", kind: "other" }],
    });
    assert.deepEqual(reasons(humanDerived, sh, inci("RH-OLIGOPEPTIDE-1"), inci("GLYCERIN"), null), []);
  });
});
