import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cleanAnnexName, nameVariants, splitIngredientList, uniqueNames } from "./annex-names.js";

describe("annex names", () => {
  const lists: [string, string[]][] = [
    ["AMMONIUM THIOGLYCOLATE,CALCIUM THIOGLYCOLATE", ["AMMONIUM THIOGLYCOLATE", "CALCIUM THIOGLYCOLATE"]],
    [
      "SALICYLIC ACID, CALCIUM SALICYLATE; MEA- SALICYLATE",
      ["SALICYLIC ACID", "CALCIUM SALICYLATE", "MEA- SALICYLATE"],
    ],
    [
      "TOLUENE-2,5-DIAMINE,TOLUENE-2,5-DIAMINE SULFATE",
      ["TOLUENE-2,5-DIAMINE", "TOLUENE-2,5-DIAMINE SULFATE"],
    ],
    ["N,N-DIMETHYL 2,6-PYRIDINEDIAMINE HCL", ["N,N-DIMETHYL 2,6-PYRIDINEDIAMINE HCL"]],
    [
      "4,4'-DIAMINODIPHENYLAMINE,4,4'-DIAMINODIPHENYLAMINE SULFATE",
      ["4,4'-DIAMINODIPHENYLAMINE", "4,4'-DIAMINODIPHENYLAMINE SULFATE"],
    ],
    ["PEG-3,2',2'-Di-p-PHENYLENEDIAMINE", ["PEG-3,2',2'-Di-p-PHENYLENEDIAMINE"]],
    ["ALLYL 3,5,5-TRIMETHYLHEXANOATE", ["ALLYL 3,5,5-TRIMETHYLHEXANOATE"]],
    ["DICHLOROMETHANE,4,6-DIMETHYL-PYRAN-2-ONE", ["DICHLOROMETHANE", "4,6-DIMETHYL-PYRAN-2-ONE"]],
    ["RH-POLYPEPTIDE-1,RH-POLYPEPTIDE-2", ["RH-POLYPEPTIDE-1", "RH-POLYPEPTIDE-2"]],
    [",,,,", []],
    [",,TETRAMETHYL DECYNEDIOL", ["TETRAMETHYL DECYNEDIOL"]],
    ["-", []],
  ];
  for (const [cell, expected] of lists) {
    test(`splitIngredientList ${JSON.stringify(cell)}`, () =>
      assert.deepEqual(splitIngredientList(cell), expected));
  }

  test("nameVariants splits chemical / INN pairs and ; synonyms but not commas", () => {
    assert.deepEqual(nameVariants("2-Hydroxy-4-methoxybenzophenone / Oxybenzone"), [
      "2-Hydroxy-4-methoxybenzophenone / Oxybenzone",
      "2-Hydroxy-4-methoxybenzophenone",
      "Oxybenzone",
    ]);
    assert.deepEqual(nameVariants("Octocrilene; Octocrylene (USAN)"), ["Octocrilene", "Octocrylene"]);
    assert.deepEqual(nameVariants("Phenol, 4-chloro-3,5-dimethyl-"), ["Phenol, 4-chloro-3,5-dimethyl-"]);
  });

  test("cleanAnnexName drops footnote and nomenclature markers and unusable names", () => {
    assert.equal(cleanAnnexName("Benzyl alcohol (7)"), "Benzyl alcohol");
    assert.equal(cleanAnnexName(" Ensulizole (INN) "), "Ensulizole");
    assert.equal(cleanAnnexName("Padimate O (USAN:BAN)"), "Padimate O");
    assert.equal(cleanAnnexName("Octisalate)"), "Octisalate");
    assert.equal(cleanAnnexName("Glutaraldehyde (Pentane-1,5-dial)"), "Glutaraldehyde (Pentane-1,5-dial)");
    assert.equal(cleanAnnexName("226-102-7"), "");
    assert.equal(cleanAnnexName("Moved or deleted"), "");
  });
});

test("uniqueNames compares names by nameKey and keeps the first spelling", () => {
  assert.deepEqual(uniqueNames(["MEA- SALICYLATE", "MEA-Salicylate", "Salicylic acid", "SALICYLIC ACID"]), [
    "MEA- SALICYLATE",
    "Salicylic acid",
  ]);
});
