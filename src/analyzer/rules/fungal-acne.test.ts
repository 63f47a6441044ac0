import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FungalAcne } from "../../ingredients/types.js";
import { inci, makeIngredient, makeLabel } from "./factories.js";
import { fungalAcne, inferredFungalAcne } from "./fungal-acne.js";

const reasonOf = (ingredient: ReturnType<typeof inci>) =>
  fungalAcne.evaluate(makeLabel([ingredient]))[0]?.reason ?? null;

describe("fungal-acne: authored tiers", () => {
  const tier = (t: FungalAcne["tier"]): FungalAcne => ({ tier: t, reason: "what the sources say" });
  it("fires on trigger and debated, with the authored reason", () => {
    assert.equal(
      reasonOf(
        makeIngredient({ inci: "OLEA EUROPAEA FRUIT OIL", name: "Olive Oil", fungalAcne: tier("trigger") }),
      ),
      "Olive Oil: trigger: what the sources say",
    );
    assert.equal(
      reasonOf(makeIngredient({ inci: "X", name: "X", fungalAcne: tier("debated") })),
      "X: debated: what the sources say",
    );
  });
  it("does not fire on fine, even when the name would suggest a trigger", () => {
    assert.equal(reasonOf(makeIngredient({ inci: "POLYSORBATE 20", fungalAcne: tier("fine") })), null);
  });
});

describe("fungal-acne: inferred for imported-only ingredients", () => {
  const triggers: Array<[string, RegExp]> = [
    [
      "ETHYLHEXYL PALMITATE",
      /^Ethylhexyl Palmitate: trigger: ester of palmitic acid \(C16\).*inferred from the name/,
    ],
    ["ISOPROPYL MYRISTATE", /ester of myristic acid \(C14\)/],
    ["GLYCERYL STEARATE", /ester of stearic acid \(C18\)/],
    ["LAURIC ACID", /fatty acid \(C12\)/],
    ["OLEIC ACID", /fatty acid \(C18:1\)/],
    ["BEHENIC ACID", /fatty acid \(C22\)/],
    ["MAGNESIUM STEARATE", /salt of stearic acid \(C18\)/],
    ["POLYGLYCERYL-3 DIISOSTEARATE", /isostearic acid/],
    ["SORBITAN OLEATE", /oleic acid \(C18:1\)/],
    ["PEG-7 GLYCERYL COCOATE", /coconut fatty acids/],
    ["POLYSORBATE 80", /polysorbate/],
  ];
  for (const [name, pattern] of triggers) {
    it(`${name} is an inferred trigger`, () => assert.match(reasonOf(inci(name)) ?? "", pattern));
  }

  it("plant oils are inferred as debated", () => {
    assert.match(reasonOf(inci("HELIANTHUS ANNUUS SEED OIL")) ?? "", /: debated: plant oil/);
  });

  const fine = [
    "CAPRYLIC/CAPRIC TRIGLYCERIDE",
    "SQUALANE",
    "PARAFFINUM LIQUIDUM",
    "MINERAL OIL",
    "GLYCERYL CAPRYLATE",
    "COCO-CAPRYLATE/CAPRATE",
    "UNDECYLENIC ACID",
    "CETYL ALCOHOL",
    "PALMITOYL TRIPEPTIDE-1",
    "LAVANDULA ANGUSTIFOLIA OIL",
    "GLYCERIN",
  ];
  for (const name of fine) {
    it(`${name} is not flagged`, () => {
      assert.equal(inferredFungalAcne(inci(name)), null);
      assert.equal(reasonOf(inci(name)), null);
    });
  }

  it("never fires on unrecognised entries", () => {
    assert.deepEqual(fungalAcne.evaluate(makeLabel([null])), []);
  });
});
