import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Dictionary } from "./dictionary.js";
import { matchName } from "./matcher.js";
import { parseLabel } from "./parser.js";
import { repairItems } from "./repair.js";
import { makeIngredient } from "./rules/factories.js";

const ing = (
  inci: string,
  aliases: Array<[string, "us-inci" | "common" | "ci"]> = [],
  source: "corpus" | "cosing" = "cosing",
) => makeIngredient({ inci, aliases: aliases.map(([name, kind]) => ({ name, kind })), source });

const dictionary = new Dictionary([
  ing(
    "AQUA",
    [
      ["WATER", "us-inci"],
      ["EAU", "common"],
    ],
    "corpus",
  ),
  ing("PARFUM", [["FRAGRANCE", "us-inci"]], "corpus"),
  ing("TITANIUM DIOXIDE", [["CI 77891", "ci"]], "corpus"),
  ing("HELIANTHUS ANNUUS SEED OIL", [["Sunflower seed oil", "common"]], "corpus"),
  ing("NIACINAMIDE", [["Vitamin B3", "common"]], "corpus"),
  ing("BUTYROSPERMUM PARKII BUTTER"),
  ing("CAPRYLIC/CAPRIC TRIGLYCERIDE"),
  ing("ACRYLATES/C10-30 ALKYL ACRYLATE CROSSPOLYMER"),
  ing("1,2-HEXANEDIOL"),
  ing("ALCOHOL DENAT."),
  ing("FAEX"),
  ing("YEAST EXTRACT"),
  ing("SODIUM LAURETH SULFATE"),
  ing("SODIUM LAURYL SULFATE"),
  ing("SODIUM BENZOATE"),
  ing("PEG-40 HYDROGENATED CASTOR OIL"),
  ing("PEG-100 STEARATE"),
  ing("POLYSORBATE 20"),
  ing("IRON OXIDES"),
  ing("CI 77491"),
  ing("CI 77492"),
  ing("GLYCERIN"),
  ing("DIMETHICONE"),
  ing("PHENOXYETHANOL"),
  ing("CERA ALBA", [["BEESWAX", "us-inci"]], "corpus"),
]);

const match = (name: string) => {
  const m = matchName(dictionary, name);
  return [m.ingredient?.inci ?? null, m.match] as const;
};

describe("matchName: exact and alias", () => {
  const cases: Array<[string, string, string]> = [
    ["Glycerin", "GLYCERIN", "exact"],
    ["glycerin", "GLYCERIN", "exact"],
    ["Water", "AQUA", "alias"],
    ["Fragrance", "PARFUM", "alias"],
    ["ci 77891", "TITANIUM DIOXIDE", "alias"],
    ["CI77891", "TITANIUM DIOXIDE", "alias"],
    ["Caprylic / Capric Triglyceride", "CAPRYLIC/CAPRIC TRIGLYCERIDE", "exact"],
    ["Acrylates/C10-30 Alkyl Acrylate Crosspolymer", "ACRYLATES/C10-30 ALKYL ACRYLATE CROSSPOLYMER", "exact"],
    ["1,2-Hexanediol", "1,2-HEXANEDIOL", "exact"],
    ["Alcohol Denat", "ALCOHOL DENAT.", "exact"],
    ["PEG 40 Hydrogenated Castor Oil", "PEG-40 HYDROGENATED CASTOR OIL", "exact"],
    ["Vitamin B3", "NIACINAMIDE", "alias"],
  ];
  for (const [input, inci, kind] of cases)
    it(`${input} -> ${inci} (${kind})`, () => assert.deepEqual(match(input), [inci, kind]));
});

describe("matchName: parentheses and slashes", () => {
  const cases: Array<[string, string]> = [
    ["Water (Aqua)", "AQUA"],
    ["Aqua (Water)", "AQUA"],
    ["Parfum (Fragrance)", "PARFUM"],
    ["Water/Aqua/Eau", "AQUA"],
    ["Aqua/Water/Eau", "AQUA"],
    ["Ci 77891 / Titanium Dioxide", "TITANIUM DIOXIDE"],
    ["Titanium Dioxide (CI 77891)", "TITANIUM DIOXIDE"],
    ["Helianthus Annuus (Sunflower) Seed Oil", "HELIANTHUS ANNUUS SEED OIL"],
    ["Butyrospermum Parkii (Shea) Butter", "BUTYROSPERMUM PARKII BUTTER"],
    ["Beeswax (Cera Alba)", "CERA ALBA"],
    ["Yeast Extract/Faex/Extrait de Levure", "YEAST EXTRACT"],
    ["Iron Oxides (CI 77492)", "CI 77492"],
    ["CI 77491 (Iron Oxides)", "CI 77491"],
    ["Organic Glycerin", "GLYCERIN"],
  ];
  for (const [input, inci] of cases) it(`${input} -> ${inci}`, () => assert.equal(match(input)[0], inci));
});

describe("matchName: fuzzy only for typos, never to another ingredient", () => {
  const typos: Array<[string, string]> = [
    ["Niacinamde", "NIACINAMIDE"],
    ["Glycerine", "GLYCERIN"],
    ["Dimethicon", "DIMETHICONE"],
    ["Phenoxyethanoll", "PHENOXYETHANOL"],
    ["Sodium Lauret Sulfate", "SODIUM LAURETH SULFATE"],
    ["Caprylic/Capric Triglycerides", "CAPRYLIC/CAPRIC TRIGLYCERIDE"],
    ["Butyrospermum Parki Butter", "BUTYROSPERMUM PARKII BUTTER"],
  ];
  for (const [input, inci] of typos) {
    it(`${input} -> ${inci} (fuzzy)`, () => {
      const m = matchName(dictionary, input);
      assert.equal(m.ingredient?.inci, inci);
      assert.equal(m.match, "fuzzy");
      assert.ok(m.confidence > 0.8 && m.confidence < 1);
    });
  }
  const distinct = [
    "PEG-60 Hydrogenated Castor Oil", // another number
    "PEG-10 Stearate",
    "Polysorbate 80",
    "CI 77499",
    "Sodium Benzoite", // -ate/-ite
    "Sodium Laureth Benzoate",
    "Potassium Laureth Sulfate",
    "Lorem ipsum dolor sit amet",
    "Hydrates and plumps",
    "Ab",
  ];
  for (const input of distinct) {
    it(`${input} stays unrecognised`, () => assert.deepEqual(match(input), [null, "unknown"]));
  }
});

describe("matchName: the common name swallowed the part word", () => {
  it("Butyrospermum Parkii (Shea Butter)", () =>
    assert.equal(match("Butyrospermum Parkii (Shea Butter)")[0], "BUTYROSPERMUM PARKII BUTTER"));
});

describe("repairItems", () => {
  const names = (text: string) => repairItems(parseLabel(text).items, dictionary).map((i) => i.name);
  it("splits names whose comma was lost", () => {
    assert.deepEqual(names("Water Glycerin, Dimethicone"), ["Water", "Glycerin", "Dimethicone"]);
  });
  it("joins a name cut by a stray comma", () => {
    assert.deepEqual(names("Water, Acrylates/C10-30, Alkyl Acrylate Crosspolymer"), [
      "Water",
      "Acrylates/C10-30 Alkyl Acrylate Crosspolymer",
    ]);
  });
  it("leaves an unknown name alone when it is not made of real names", () => {
    assert.deepEqual(names("Opuntia Tuna Extract, Glycerin"), ["Opuntia Tuna Extract", "Glycerin"]);
  });
});
