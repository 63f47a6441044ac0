import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Category } from "../../ingredients/types.js";
import { categoriesOf } from "./classify.js";
import { inci, makeIngredient, makeRegulation } from "./factories.js";

/** [INCI name, CosIng functions, categories it must have, categories it must not have] */
type Case = [string, string[], Category[], Category[]];

const CASES: Case[] = [
  ["METHYLPARABEN", [], ["paraben"], []],
  ["SODIUM PROPYLPARABEN", [], ["paraben"], []],
  ["PHENOXYETHANOL", [], [], ["paraben", "drying-alcohol"]],
  ["DIMETHICONE", [], ["silicone"], ["water-soluble-silicone"]],
  ["CYCLOPENTASILOXANE", [], ["silicone"], ["water-soluble-silicone"]],
  ["AMODIMETHICONE", [], ["silicone"], ["water-soluble-silicone"]],
  ["TRIETHOXYCAPRYLYLSILANE", [], ["silicone"], []],
  ["POLYSILICONE-11", [], ["silicone"], []],
  ["TRIMETHYLSILOXYSILICATE", [], ["silicone"], []],
  ["POLYMETHYLSILSESQUIOXANE", [], ["silicone"], []],
  ["PEG-12 DIMETHICONE", [], ["silicone", "water-soluble-silicone", "peg"], []],
  ["BIS-PEG-18 METHYL ETHER DIMETHYL SILANE", [], ["silicone", "water-soluble-silicone"], []],
  ["DIMETHICONE COPOLYOL", [], ["silicone", "water-soluble-silicone"], []],
  ["SILICA", [], [], ["silicone"]],
  ["SODIUM LAURYL SULFATE", [], ["sulfate"], []],
  ["SODIUM LAURETH SULFATE", [], ["sulfate", "ethoxylated"], []],
  ["AMMONIUM LAURYL SULFATE", [], ["sulfate"], []],
  ["TEA-LAURYL SULFATE", [], ["sulfate"], []],
  ["MAGNESIUM LAURETH SULFATE", [], ["sulfate"], []],
  ["SODIUM COCO-SULFATE", [], ["sulfate"], []],
  ["SODIUM MYRETH SULFATE", [], ["sulfate"], []],
  ["SODIUM C12-13 ALKYL SULFATE", [], ["sulfate"], []],
  ["MAGNESIUM SULFATE", ["Bulking"], [], ["sulfate"]],
  ["ZINC SULFATE", [], [], ["sulfate"]],
  ["SODIUM SULFATE", [], [], ["sulfate"]],
  ["COPPER SULFATE", [], [], ["sulfate"]],
  ["DISODIUM LAURETH SULFOSUCCINATE", [], [], ["sulfate"]],
  ["SODIUM C14-16 OLEFIN SULFONATE", [], [], ["sulfate"]],
  ["BEHENTRIMONIUM METHOSULFATE", [], [], ["sulfate"]],
  ["SODIUM CHONDROITIN SULFATE", [], [], ["sulfate"]],
  ["2-AMINO-4-HYDROXYETHYLAMINOANISOLE SULFATE", [], [], ["sulfate"]],
  ["ALCOHOL", [], ["drying-alcohol"], []],
  ["ALCOHOL DENAT.", [], ["drying-alcohol"], []],
  ["ISOPROPYL ALCOHOL", [], ["drying-alcohol"], []],
  ["SD ALCOHOL 40-B", [], ["drying-alcohol"], []],
  ["ETHANOL", [], ["drying-alcohol"], []],
  ["METHANOL", [], ["drying-alcohol"], []],
  ["BENZYL ALCOHOL", [], [], ["drying-alcohol"]],
  ["CETYL ALCOHOL", [], ["fatty-alcohol"], ["drying-alcohol"]],
  ["CETEARYL ALCOHOL", [], ["fatty-alcohol"], ["drying-alcohol"]],
  ["BEHENYL ALCOHOL", [], ["fatty-alcohol"], ["drying-alcohol"]],
  ["OLEYL ALCOHOL", [], ["fatty-alcohol"], ["drying-alcohol"]],
  ["DMDM HYDANTOIN", [], ["formaldehyde-releaser"], []],
  ["IMIDAZOLIDINYL UREA", [], ["formaldehyde-releaser"], []],
  ["DIAZOLIDINYL UREA", [], ["formaldehyde-releaser"], []],
  ["QUATERNIUM-15", [], ["formaldehyde-releaser"], []],
  ["2-BROMO-2-NITROPROPANE-1,3-DIOL", [], ["formaldehyde-releaser"], []],
  ["5-BROMO-5-NITRO-1,3-DIOXANE", [], ["formaldehyde-releaser"], []],
  ["SODIUM HYDROXYMETHYLGLYCINATE", [], ["formaldehyde-releaser"], []],
  ["METHENAMINE", [], ["formaldehyde-releaser"], []],
  ["BENZYLHEMIFORMAL", [], ["formaldehyde-releaser"], []],
  ["POLYOXYMETHYLENE UREA", [], ["formaldehyde-releaser"], []],
  ["UREA", [], [], ["formaldehyde-releaser"]],
  ["METHYLISOTHIAZOLINONE", [], ["isothiazolinone"], []],
  ["METHYLCHLOROISOTHIAZOLINONE", [], ["isothiazolinone"], []],
  ["BENZISOTHIAZOLINONE", [], ["isothiazolinone"], []],
  ["OCTYLISOTHIAZOLINONE", [], ["isothiazolinone"], []],
  ["DICHLOROOCTYLISOTHIAZOLINONE", [], ["isothiazolinone"], []],
  ["BUTYLBENZISOTHIAZOLINONE", [], ["isothiazolinone"], []],
  ["PARFUM", ["Fragrance", "Perfuming"], ["fragrance"], ["essential-oil"]],
  ["AROMA", ["Flavouring"], ["fragrance"], []],
  ["FRAGRANCE", [], ["fragrance"], []],
  ["2-HEPTYLCYCLOPENTANONE", ["Fragrance", "Perfuming"], ["fragrance"], []],
  ["CAPRYLYL ALCOHOL", ["Fragrance", "Perfuming"], ["fatty-alcohol"], ["fragrance", "drying-alcohol"]],
  ["SAPINDUS EMARGINATUS FRUIT/SUCROSE FERMENT FILTRATE", ["Fragrance"], [], ["fragrance"]],
  ["ISOPROPYL ALCOHOL", ["Antifoaming", "Perfuming", "Solvent"], [], ["fragrance"]],
  ["CAMELLIA SINENSIS LEAF EXTRACT", ["Antioxidant", "Fragrance"], [], ["fragrance", "essential-oil"]],
  ["ROSA DAMASCENA FLOWER WATER", ["Fragrance"], [], ["fragrance", "essential-oil"]],
  [
    "LAVANDULA ANGUSTIFOLIA OIL",
    ["Fragrance", "Tonic"],
    ["essential-oil", "fragrance-allergen"],
    ["plant-oil"],
  ],
  ["MELALEUCA ALTERNIFOLIA LEAF OIL", ["Antioxidant", "Perfuming"], ["essential-oil"], []],
  ["ROSMARINUS OFFICINALIS LEAF OIL", [], ["essential-oil"], []],
  ["ROSA DAMASCENA FLOWER OIL", [], ["essential-oil", "fragrance-allergen"], []],
  ["CITRUS AURANTIUM BERGAMIA PEEL OIL", [], ["essential-oil", "fragrance-allergen"], []],
  ["CITRUS LIMON PEEL OIL", ["Fragrance", "Perfuming"], ["essential-oil"], []],
  ["CANANGA ODORATA FLOWER OIL", ["Fragrance", "Perfuming"], ["essential-oil"], []],
  ["CYMBOPOGON FLEXUOSUS OIL", [], ["essential-oil"], []],
  ["LITSEA CUBEBA FRUIT OIL", ["Fragrance", "Perfuming"], ["essential-oil"], []],
  ["CALENDULA OFFICINALIS FLOWER OIL", ["Fragrance", "Perfuming"], ["essential-oil"], []],
  ["HELIANTHUS ANNUUS SEED OIL", ["Fragrance", "Skin Conditioning"], ["plant-oil"], ["essential-oil"]],
  ["OLEA EUROPAEA FRUIT OIL", ["Fragrance", "Perfuming"], ["plant-oil"], ["essential-oil"]],
  ["COCOS NUCIFERA OIL", ["Fragrance", "Perfuming"], ["plant-oil"], ["essential-oil"]],
  ["ROSA CANINA FRUIT OIL", ["Skin Conditioning"], ["plant-oil"], ["essential-oil", "fragrance-allergen"]],
  ["CITRUS PARADISI SEED OIL", [], [], ["essential-oil"]],
  ["BUTYROSPERMUM PARKII BUTTER", [], ["plant-oil"], []],
  ["MINERAL OIL", [], [], ["plant-oil", "essential-oil"]],
  ["HYDROGENATED CASTOR OIL", [], [], ["essential-oil"]],
  ["RETINOL", [], ["retinoid"], []],
  ["RETINYL PALMITATE", [], ["retinoid", "ester"], []],
  ["HYDROXYPINACOLONE RETINOATE", [], ["retinoid"], []],
  ["RETINAL", [], ["retinoid"], []],
  ["BAKUCHIOL", [], [], ["retinoid"]],
  ["GLYCOLIC ACID", [], ["aha"], []],
  ["LACTIC ACID", [], ["aha"], []],
  ["MANDELIC ACID", [], ["aha"], []],
  ["CITRIC ACID", [], ["aha"], []],
  ["SALICYLIC ACID", [], ["bha"], ["aha"]],
  ["BETAINE SALICYLATE", [], ["bha"], []],
  ["SALIX ALBA BARK EXTRACT", [], [], ["bha"]],
  ["GLUCONOLACTONE", [], ["pha"], []],
  ["LACTOBIONIC ACID", [], ["pha"], []],
  ["OCTOCRYLENE", ["Uv Filter"], ["uv-filter"], []],
  ["BENZOPHENONE-3", [], ["uv-filter"], []],
  ["ZINC OXIDE", [], ["uv-filter", "mineral-uv-filter"], []],
  ["CI 77891", [], ["colorant"], []],
  ["PEG-100 STEARATE", [], ["peg", "ester", "ethoxylated"], []],
  ["CETEARETH-20", [], ["ethoxylated"], ["peg"]],
  ["POLYSORBATE 20", [], ["polysorbate", "ethoxylated"], []],
  ["POLYSORBATE-80", [], ["polysorbate"], []],
  ["STEARIC ACID", [], ["fatty-acid"], ["ester"]],
  ["ISOPROPYL MYRISTATE", [], ["ester"], ["fatty-acid"]],
  ["ETHYLHEXYL PALMITATE", [], ["ester"], []],
  ["GLYCERYL STEARATE", [], ["ester"], []],
  ["CAPRYLIC/CAPRIC TRIGLYCERIDE", [], [], ["ester", "fatty-acid", "plant-oil"]],
  ["LINALOOL", ["Deodorant", "Perfuming"], ["fragrance-allergen"], ["fragrance"]],
  ["LIMONENE", [], ["fragrance-allergen"], []],
];

describe("categoriesOf: inferred from the INCI name and CosIng functions", () => {
  for (const [name, functions, expected, excluded] of CASES) {
    it(`${name}${functions.length ? ` [${functions.join(", ")}]` : ""}`, () => {
      const categories = categoriesOf(inci(name, functions));
      for (const c of expected)
        assert.ok(categories.has(c), `${name} should be ${c}; got ${[...categories]}`);
      for (const c of excluded) assert.ok(!categories.has(c), `${name} should not be ${c}`);
    });
  }
});

describe("categoriesOf: authored facts and annex links", () => {
  it("keeps authored categories even when the name says nothing", () => {
    const c = categoriesOf(makeIngredient({ inci: "SECRET BLEND", categories: ["fragrance", "humectant"] }));
    assert.ok(c.has("fragrance") && c.has("humectant"));
  });

  it("infers uv-filter from an Annex VI link and colorant from an Annex IV link", () => {
    const filter = makeIngredient({ inci: "NEW FILTER", regulations: [makeRegulation({ annex: "VI" })] });
    const colour = makeIngredient({ inci: "NEW COLOUR", regulations: [makeRegulation({ annex: "IV" })] });
    assert.ok(categoriesOf(filter).has("uv-filter"));
    assert.ok(categoriesOf(colour).has("colorant"));
    assert.ok(!categoriesOf(colour).has("uv-filter"));
  });

  it("infers preservative from an Annex V link only", () => {
    const preserved = makeIngredient({
      inci: "PHENOXYETHANOL",
      regulations: [makeRegulation({ annex: "V" })],
    });
    assert.ok(categoriesOf(preserved).has("preservative"));
    assert.ok(!categoriesOf(inci("PHENOXYETHANOL", ["Preservative"])).has("preservative"));
  });

  it("reads formal aliases but not common names", () => {
    const withUsName = makeIngredient({
      inci: "X FILTER",
      aliases: [{ name: "Oxybenzone", kind: "us-inci" }],
    });
    const withNickname = makeIngredient({
      inci: "X OIL BLEND",
      aliases: [{ name: "Alcohol", kind: "common" }],
    });
    assert.ok(categoriesOf(withUsName).has("uv-filter"));
    assert.ok(!categoriesOf(withNickname).has("drying-alcohol"));
  });

  it("matches an allergen by CAS for single substances, but not for botanicals", () => {
    const byCas = makeIngredient({ inci: "D-LIMONENE", cas: ["5989-27-5"] });
    // 84696-47-9 is CosIng's CAS for Rosa canina: rose-hip fruit oil shares it with the listed flower oil.
    const rosehip = makeIngredient({ inci: "ROSA CANINA FRUIT OIL", cas: ["84696-47-9"] });
    assert.ok(categoriesOf(byCas).has("fragrance-allergen"));
    assert.ok(!categoriesOf(rosehip).has("fragrance-allergen"));
  });
});
