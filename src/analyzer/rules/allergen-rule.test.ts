import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { euAllergenLabel } from "./allergen-rule.js";
import { inci, makeEntry, makeIngredient, makeLabel, makeRegulation } from "./factories.js";

const reasonsFor = (...items: Parameters<typeof makeLabel>[0]) => euAllergenLabel.evaluate(makeLabel(items));

describe("eu-allergen-label", () => {
  it("states both thresholds in its title and cites Regulation (EU) 2023/1545", () => {
    assert.match(euAllergenLabel.title, /0\.001 % leave-on/);
    assert.match(euAllergenLabel.title, /0\.01 % rinse-off/);
    assert.match(euAllergenLabel.source, /2023\/1545/);
    assert.equal(euAllergenLabel.severity, "info");
  });

  const firing: Array<[string, ReturnType<typeof makeIngredient>, RegExp]> = [
    ["by INCI name", inci("LINALOOL"), /^Linalool: fragrance allergen \(Annex III entry 84/],
    ["a 2023/1545 addition", inci("MENTHOL"), /Annex III entry 338, Regulation \(EU\) 2023\/1545/],
    [
      "by alias",
      makeIngredient({
        inci: "X TERPENE",
        name: "Dipentene",
        aliases: [{ name: "Limonene", kind: "other" }],
      }),
      /entry 88/,
    ],
    ["by CAS of a single substance", makeIngredient({ inci: "D-LIMONENE", cas: ["5989-27-5"] }), /entry 88/],
    [
      "by an Annex III link",
      makeIngredient({
        inci: "SOME GERANIOL GRADE",
        regulations: [makeRegulation({ annex: "III", ref: "78" })],
      }),
      /entry 78/,
    ],
    [
      "a group entry, with its label name",
      inci("CYMBOPOGON CITRATUS LEAF OIL"),
      /labelled as "Lemongrass Oil"/,
    ],
    [
      "with the thresholds in the reason",
      inci("COUMARIN"),
      /above 0\.001 % in leave-on and 0\.01 % in rinse-off/,
    ],
    ["benzyl alcohol, only when not a preservative", inci("BENZYL ALCOHOL"), /other than preservation/],
  ];
  for (const [what, ingredient, pattern] of firing) {
    it(`fires ${what}`, () => {
      const hits = reasonsFor(ingredient);
      assert.equal(hits.length, 1);
      assert.match(hits[0]?.reason ?? "", pattern);
    });
  }

  it("names the allergens a botanical contains", () => {
    const lavender = makeIngredient({
      inci: "LAVANDULA ANGUSTIFOLIA OIL",
      name: "Lavender Oil",
      allergens: ["LINALOOL", "LIMONENE"],
    });
    const lemon = makeIngredient({
      inci: "CITRUS LIMON FRUIT EXTRACT",
      name: "Lemon Extract",
      allergens: ["LIMONENE"],
    });
    const [lav, lem] = reasonsFor(lavender, lemon);
    assert.match(
      lav?.reason ?? "",
      /^Lavender Oil: .*"Lavandula Oil\/Extract".*contains linalool and limonene, labelled allergens/,
    );
    assert.equal(lem?.reason, "Lemon Extract: contains limonene, a labelled allergen");
  });

  it("does not fire for non-allergens, unrecognised entries, or botanicals that only share a species CAS", () => {
    const rosehip = makeIngredient({ inci: "ROSA CANINA FRUIT OIL", cas: ["84696-47-9"] });
    const unlisted = makeIngredient({ inci: "CHAMOMILE EXTRACT", allergens: ["BISABOLOL"] });
    assert.deepEqual(reasonsFor(inci("GLYCERIN"), null, rosehip, unlisted), []);
  });

  it("counts may-contain entries and says so", () => {
    const hits = euAllergenLabel.evaluate([
      makeEntry(inci("EUGENOL"), { position: 4, group: "may_contain" }),
    ]);
    assert.equal(hits[0]?.position, 4);
    assert.match(hits[0]?.reason ?? "", /\(listed under "may contain"\)$/);
  });
});
