import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AppError } from "../errors.js";
import { parseAnnex } from "./annex-parse.js";

const II_PREAMBLE = [
  '"File creation date: 24/12/2025"',
  '"ANNEX II","Last update: 08/12/2025"',
  '"LIST OF SUBSTANCES PROHIBITED IN COSMETIC PRODUCTS"',
  '"Substance identification"',
  '"Reference Number","Chemical name / INN","CAS Number","EC Number",Regulation,"Other Directives/Regulations","SCCS opinions","Chemical/IUPAC Name","Identified INGREDIENTS or substances e.g.",CMR,"Update Date"',
];

function annexII(...rows: string[]): string {
  return [...II_PREAMBLE, ...rows].join("\n");
}

describe("parseAnnex, 2025 Annex II layout", () => {
  test("skips the 4-line preamble and reads lists of CAS, EC and names", () => {
    const result = parseAnnex(
      annexII(
        '8,"Cinchophen (INN), its salts","132-60-5 / 5949-18-8","205-067-1 / 227-710-5","(EC) 2009/1223",,,,",",,17/10/2010',
        '15," Rauwolfia serpentia L., alkaloids ",90106-13-1,290-234-1,"(EC) 2009/1223",,,,"RAUWOLFIA SERPENTINA EXTRACT",,17/10/2010',
      ),
    );
    assert.equal(result.annex, "II");
    assert.deepEqual(result.problems, []);
    const [cinchophen, rauwolfia] = result.rows;
    assert.equal(cinchophen?.line, 6);
    assert.deepEqual(cinchophen?.cas, ["132-60-5", "5949-18-8"]);
    assert.deepEqual(cinchophen?.ec, ["205-067-1", "227-710-5"]);
    assert.equal(cinchophen?.regulation, "(EC) 2009/1223");
    assert.equal(cinchophen?.updated, "2010-10-17");
    assert.equal(rauwolfia?.substance, "Rauwolfia serpentia L., alkaloids");
    assert.deepEqual(rauwolfia?.names, ["RAUWOLFIA SERPENTINA EXTRACT", "Rauwolfia serpentia L., alkaloids"]);
    assert.equal(rauwolfia?.maxPercent, null);
  });

  test("keeps entries sharing a reference number, drops and counts deleted ones, '-' is empty", () => {
    const result = parseAnnex(
      annexII(
        '38,"Anthracene oil",120-12-7,204-371-1,"(EC) 2009/1223",,,,,,10/10/2010',
        '38,"Distillates (coal tar), pitch",101316-49-8,309-855-7,"(EC) 2009/1223",,,,,,04/10/2016',
        '80,"Moved or deleted",-,-,"(EC) 2009/1223",,,,,,03/10/2016',
        '9,"Thyropropic acid",51-26-3,-,"(EC) 2009/1223",,,"4-(4-Hydroxy-3-iodophenoxy)\n",,,17/10/2010',
        '12 a,"Some entry",-,-,-,,,,,,17/10/2010',
      ),
    );
    assert.deepEqual(
      result.rows.map((r) => [r.line, r.ref, r.substance, r.ec.length]),
      [
        [6, "38", "Anthracene oil", 1],
        [7, "38", "Distillates (coal tar), pitch", 1],
        [9, "9", "Thyropropic acid", 0],
        [11, "12a", "Some entry", 0],
      ],
    );
    assert.equal(result.deleted, 1);
    assert.equal(result.rows[3]?.regulation, null);
  });

  test("reports malformed rows with their line and skips them", () => {
    const result = parseAnnex(
      annexII(
        '1,"Good",50-00-0,-,"(EC) 2009/1223",,,,,,17/10/2010',
        "2,too,few",
        ',"No reference",50-00-0,-,"(EC) 2009/1223",,,,,,17/10/2010',
        '3," ",50-00-0,-,"(EC) 2009/1223",,,,,,17/10/2010',
      ),
    );
    assert.deepEqual(
      result.rows.map((r) => r.ref),
      ["1"],
    );
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.message]),
      [
        [7, "expected 11 columns, found 3"],
        [8, "empty reference number"],
        [9, "empty substance name"],
      ],
    );
  });
});

const III_HEADER =
  '"Reference Number","Chemical name / INN","Name of Common Ingredients Glossary","CAS Number","EC Number","Product Type, body parts","Maximum concentration in ready for use preparation",Other,"Wording of conditions of use and warnings",Regulation,"Other Directives/Regulations","SCCS opinions","Chemical/IUPAC Name","Identified INGREDIENTS or substances e.g.",CMR,"Update Date"';

describe("parseAnnex, 2025 Annex III layout", () => {
  test("reads restrictions from multi-line cells and joins glossary and identified names", () => {
    const text = [
      '"Substance identification",Restrictions',
      III_HEADER,
      '98,"Benzoic acid, 2-hydroxy-","SALICYLIC ACID",69-72-7,200-712-3,"(a) Rinse-off hair products\n\n(b) Other products","(a) 3.0%\n\n(b) 2.0%","(a) (b)\nNot for children under 3.","Not to be used for children under 3 years of age","(EU) 2021/850",,,,"SALICYLIC ACID, CALCIUM SALICYLATE, MEA- SALICYLATE",,07/12/2023',
      '3,"Oxalic acid, its esters and alkaline salts","OXALIC ACID",144-62-7,205-634-3,"Hair products","5%","Professional use ","For professional use only","(EC) 2009/1223",,,,"OXALIC ACID,SODIUM OXALATE",,17/10/2010',
    ].join("\n");
    const result = parseAnnex(text);
    assert.equal(result.annex, "III");
    const [salicylic, oxalic] = result.rows;
    assert.deepEqual(salicylic?.names, [
      "SALICYLIC ACID",
      "CALCIUM SALICYLATE",
      "MEA- SALICYLATE",
      "Benzoic acid, 2-hydroxy-",
    ]);
    assert.equal(salicylic?.productType, "(a) Rinse-off hair products\n\n(b) Other products");
    assert.equal(salicylic?.maxConcentration, "(a) 3.0%\n\n(b) 2.0%");
    assert.equal(salicylic?.maxPercent, null);
    assert.equal(salicylic?.conditions, "(a) (b)\nNot for children under 3.");
    assert.equal(salicylic?.warnings, "Not to be used for children under 3 years of age");
    assert.equal(oxalic?.line, 9);
    assert.equal(oxalic?.maxPercent, 5);
    assert.equal(oxalic?.conditions, "Professional use");
  });
});

const HEADER_2026 =
  "refNo,annexNo,inciName,chemicalName,innName,phEurName,casNo,ecNo,chemicalDescription,identifiedIngredient,functionName,cosmeticRestriction,maximumConcentration,productTypeBodyParts,otherRestrictions,otherRegulations,classificationInformation,note,colour,perfuming,publicationDate,currentVersion";
const GARBAGE = '"<empty> | <empty> | Shall not be used as propellant in aerosols for any use | <empty>"';

describe("parseAnnex, 2026 layout of Annexes IV, V and VI", () => {
  test("reads chemical / INN pairs, ignores otherRestrictions and CosIng ids", () => {
    const text = [
      HEADER_2026,
      `4,VI,2-Hydroxy-4-methoxybenzophenone / Oxybenzone,2-Hydroxy-4-methoxybenzophenone / Oxybenzone,Oxybenzone,,131-57-7,205-031-5,,38421 | 38422,,,"a) 6%\r\nb) 2,2%","a) Face products\r\nb) Body products",${GARBAGE},,[],,,N,2022-07-08T00:00:00.000+0200,1`,
      `20,VI,2-Ethylhexyl salicylate / Octisalate),,octisalate,,118-60-5,204-263-4,,,,,5%,,${GARBAGE},,[],,,N,2009-12-22T00:00:00.000+0100,1`,
    ].join("\r\n");
    const result = parseAnnex(text);
    assert.equal(result.annex, "VI");
    const [oxybenzone, octisalate] = result.rows;
    assert.deepEqual(oxybenzone?.names, [
      "2-Hydroxy-4-methoxybenzophenone / Oxybenzone",
      "2-Hydroxy-4-methoxybenzophenone",
      "Oxybenzone",
    ]);
    assert.equal(oxybenzone?.maxPercent, null);
    assert.equal(oxybenzone?.productType, "a) Face products\nb) Body products");
    assert.equal(oxybenzone?.conditions, null);
    assert.equal(oxybenzone?.updated, "2022-07-08");
    assert.equal(octisalate?.line, 5);
    assert.equal(octisalate?.maxPercent, 5);
    assert.deepEqual(octisalate?.names, [
      "2-Ethylhexyl salicylate / Octisalate",
      "2-Ethylhexyl salicylate",
      "Octisalate",
    ]);
    assert.ok(result.rows.every((r) => !JSON.stringify(r).includes("propellant")));
  });

  test("drops moved or deleted rows and merges a repeated (ref, substance) row", () => {
    const row61 = `61,V,Silver zinc zeolite,,,,130328-20-0,603-264-3,,,,,(a) and (b) 1 %,"(a) Leave-on\n(b) Rinse-off",,,[],,,N,2026-04-28T00:00:00.000+0200,1`;
    const text = [
      HEADER_2026,
      `6,V,Moved or deleted,,,,,,,,,,,,${GARBAGE},,[],,,N,2009-12-22T00:00:00.000+0100,1`,
      `29,V,2-Phenoxyethanol,2-Phenoxyethanol,,,122-99-6,204-589-7,,36522,,,1.0%,,${GARBAGE},,[],,,N,2009-12-22T00:00:00.000+0100,1`,
      row61,
      row61,
    ].join("\r\n");
    const result = parseAnnex(text);
    assert.deepEqual(
      result.rows.map((r) => [r.ref, r.maxPercent]),
      [
        ["29", 1],
        ["61", 1],
      ],
    );
    assert.equal(result.deleted, 1);
    assert.equal(result.merged, 1);
  });

  test("moves Annex IV's field of application out of the maximum concentration", () => {
    const text = [
      HEADER_2026,
      "10,IV,1-[(4-Methyl-2-nitrophenyl)azo]-2-naphthol,,,,2425-85-6,219-372-2,,123,,,Rinse-off products,,,,[],,Red,N,2009-12-22T00:00:00.000+0100,1",
      '142,IV,Some colorant,,,,,,,,,,"For (a) and (b): 0,2 %","(a) Lip products\n\n(b) Eye shadow",,,[],,Red,N,2026-01-01T00:00:00.000+0100,1',
    ].join("\r\n");
    const [colorant, limited] = parseAnnex(text).rows;
    assert.equal(colorant?.productType, "Rinse-off products");
    assert.equal(colorant?.maxConcentration, null);
    assert.equal(limited?.maxPercent, 0.2);
    assert.equal(limited?.productType, "(a) Lip products\n\n(b) Eye shadow");
  });

  test("reports a row of another annex", () => {
    const text = [
      HEADER_2026,
      "1,V,Benzoic acid,,,,65-85-0,,,,,,0.5%,,,,[],,,N,2009-12-22T00:00:00.000+0100,1",
      "2,VI,Other,,,,,,,,,,,,,,[],,,N,2009-12-22T00:00:00.000+0100,1",
      "3,X,Unknown,,,,,,,,,,,,,,[],,,N,2009-12-22T00:00:00.000+0100,1",
    ].join("\n");
    const result = parseAnnex(text);
    assert.equal(result.annex, "V");
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.message]),
      [
        [3, "an Annex VI row in an Annex V file"],
        [4, 'unknown annex "X"'],
      ],
    );
  });
});

describe("parseAnnex, unknown input", () => {
  test("throws unknown_format naming the expected headers", () => {
    assert.throws(
      () => parseAnnex("inci_name,cas_number,einecs_number,function\nAQUA,7732-18-5,,Solvent"),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === "unknown_format" &&
        /reference number/.test(error.message),
    );
  });

  test("throws unknown_format when no row of a 2026 file names its annex", () => {
    assert.throws(() => parseAnnex(HEADER_2026), { code: "unknown_format" });
  });
});
