import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AppError } from "../errors.js";
import { parseCosingInventory, parseFunctions, parseRestrictions } from "./cosing-parse.js";

const OFFICIAL_HEADER =
  "COSING Ref No,INCI name,INN name,Ph. Eur. Name,CAS No,EC No,Chem/IUPAC Name / Description,Restriction,Function,Update Date";
const DERIVED_HEADER = "inci_name,cas_number,einecs_number,function";

function official(...rows: string[]): string {
  return [OFFICIAL_HEADER, ...rows].join("\n");
}

describe("parseCosingInventory, official export", () => {
  test("trims and upper-cases names padded with spaces", () => {
    const { format, rows } = parseCosingInventory(
      official("99270, (Arctium Lappa/Raphanus Sativus) Seed Oil ,,, , ,Oil.,,SKIN CONDITIONING,19/03/2021"),
    );
    assert.equal(format, "official");
    assert.equal(rows[0]?.inci, "(ARCTIUM LAPPA/RAPHANUS SATIVUS) SEED OIL");
    assert.equal(rows[0]?.refNo, "99270");
  });

  test("reads several CAS in one quoted cell and ' ' or '-' as empty", () => {
    const { rows } = parseCosingInventory(
      official(
        '94753,  DISODIUM X,,," 2040469-40-5, 2422121-34-2", ,Formula:(,,SKIN PROTECTING,16/06/2020',
        "88652, ISOOCTANOYL TETRAPEPTIDE-25 ,,, -, -,Peptide. ,,SKIN CONDITIONING,14/05/2014",
      ),
    );
    assert.deepEqual(rows[0]?.cas, ["2040469-40-5", "2422121-34-2"]);
    assert.deepEqual(rows[0]?.ec, []);
    assert.deepEqual([rows[1]?.cas, rows[1]?.ec], [[], []]);
  });

  test("reads multi-line descriptions and restrictions with blank lines, and line numbers after them", () => {
    const { rows } = parseCosingInventory(
      official(
        '96276, METHOXYETHANOL,,, 109-86-4, 203-713-7,"Ethylene Glycol Monomethyl Ether\nEthanol, 2-Methoxy-\n\n","II/665\n\nCMR1b (Reprotoxic 1B)","SOLVENT, VISCOSITY CONTROLLING",15/07/2020',
        '98158,(20S)-PROTOPANAXADIOL,,, 30636-90-9, ,"\n",,"SKIN CONDITIONING, SKIN CONDITIONING - EMOLLIENT",30/04/2020',
      ),
    );
    const [methoxyethanol, ppd] = rows;
    assert.equal(methoxyethanol?.description, "Ethylene Glycol Monomethyl Ether\nEthanol, 2-Methoxy-");
    assert.deepEqual(methoxyethanol?.restrictions, ["II/665"]);
    assert.deepEqual(methoxyethanol?.functions, ["Solvent", "Viscosity Controlling"]);
    assert.equal(methoxyethanol?.updated, "2020-07-15");
    assert.equal(ppd?.line, 8);
    assert.equal(ppd?.description, null);
    assert.deepEqual(ppd?.functions, ["Skin Conditioning", "Skin Conditioning - Emollient"]);
  });

  test("skips a Commission preamble and a BOM, reads CRLF and a last line without a break", () => {
    const text = `\uFEFF"Ingredients & Fragrance Inventory"\r\n"Creation date: 01/01/2021"\r\n${OFFICIAL_HEADER}\r\n80077, ICTASOL,,, 1340-06-3, 215-671-7,"Ichthyolic acid, sodium salt",III/98,"ANTI-SEBORRHEIC, ANTIMICROBIAL",24/05/2018`;
    const { rows, problems } = parseCosingInventory(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(rows[0], {
      line: 4,
      inci: "ICTASOL",
      cas: ["1340-06-3"],
      ec: ["215-671-7"],
      functions: ["Anti-Seborrheic", "Antimicrobial"],
      description: "Ichthyolic acid, sodium salt",
      restrictions: ["III/98"],
      updated: "2018-05-24",
      refNo: "80077",
    });
  });
});

describe("parseCosingInventory, 2020 derivative", () => {
  test("removes NBSP and doubled spaces, reads EC lists with (I) suffixes and trailing commas", () => {
    const text = [
      DERIVED_HEADER,
      "ACRONYCHIA ACIDULA\u00A0 FRUIT POWDER,1415551-71-1,,Humectant",
      'PEG-8  DIMETHICONE,,"213-488-7 (I),",Surfactant - Cleansing',
      "CITRUS NOBILIS PEEL EXTRACT,90063-83-5,- / 284-521-0,Perfuming",
    ].join("\r\n");
    const { format, rows } = parseCosingInventory(text);
    assert.equal(format, "derived");
    assert.deepEqual(
      rows.map((r) => [r.inci, r.ec]),
      [
        ["ACRONYCHIA ACIDULA FRUIT POWDER", []],
        ["PEG-8 DIMETHICONE", ["213-488-7"]],
        ["CITRUS NOBILIS PEEL EXTRACT", ["284-521-0"]],
      ],
    );
    assert.equal(rows[0]?.description, null);
    assert.equal(rows[0]?.refNo, null);
  });

  test("merges duplicated names: union of CAS, EC and functions, first line kept", () => {
    const text = [
      DERIVED_HEADER,
      "HYDROGENATED PALM KERNEL OIL,84540-04-5,283-093-2,Skin Conditioning",
      "OTHER,,,",
      'HYDROGENATED PALM KERNEL OIL,68990-82-9,"273-627-2 (1), 283-093-2 (2)","Skin Conditioning, Viscosity Controlling"',
      "PEG-8 DIMETHICONE,,,Hair Conditioning",
      "PEG-8  DIMETHICONE,,,Surfactant - Cleansing",
    ].join("\n");
    const { rows, merged } = parseCosingInventory(text);
    assert.equal(merged, 2);
    assert.deepEqual(rows[0], {
      line: 2,
      inci: "HYDROGENATED PALM KERNEL OIL",
      cas: ["84540-04-5", "68990-82-9"],
      ec: ["283-093-2", "273-627-2"],
      functions: ["Skin Conditioning", "Viscosity Controlling"],
      description: null,
      restrictions: [],
      updated: null,
      refNo: null,
    });
    assert.deepEqual(rows[2]?.functions, ["Hair Conditioning", "Surfactant - Cleansing"]);
  });
});

describe("parseCosingInventory, bad input", () => {
  test("reports malformed rows with their line and keeps the others", () => {
    const text = [
      DERIVED_HEADER,
      "GOOD ONE,,,",
      "TOO,MANY,COLUMNS,HERE,X",
      '"MULTI\nLINE",,,',
      " ,50-00-0,,Preservative",
      'BROKEN,"never closed,,',
      "LAST ONE,,,",
    ].join("\n");
    const { rows, problems } = parseCosingInventory(text);
    assert.deepEqual(
      rows.map((r) => [r.line, r.inci]),
      [
        [2, "GOOD ONE"],
        [4, "MULTI LINE"],
        [8, "LAST ONE"],
      ],
    );
    assert.deepEqual(
      problems.map((p) => p.line),
      [3, 6, 7],
    );
    assert.match(problems[0]?.message ?? "", /expected 4 columns, found 5/);
    assert.match(problems[1]?.message ?? "", /empty INCI name/);
  });

  test("throws unknown_format, naming the expected headers, for another CSV", () => {
    assert.throws(
      () => parseCosingInventory("name,price\nsoap,3"),
      (error: unknown) =>
        error instanceof AppError && error.code === "unknown_format" && /inci_name/.test(error.message),
    );
  });

  test("throws unknown_format for an empty file", () => {
    assert.throws(() => parseCosingInventory(""), { code: "unknown_format" });
  });
});

describe("parseFunctions and parseRestrictions", () => {
  test("convert the official upper case to CosIng's Title Case vocabulary", () => {
    assert.deepEqual(
      parseFunctions("SKIN CONDITIONING - EMOLLIENT, HAIR WAVING OR STRAIGHTENING, UV FILTER"),
      ["Skin Conditioning - Emollient", "Hair Waving Or Straightening", "Uv Filter"],
    );
    assert.deepEqual(parseFunctions(" , -"), []);
  });

  test("keep annex references only", () => {
    assert.deepEqual(parseRestrictions("II/665\n\nCMR1b (Reprotoxic 1B)"), ["II/665"]);
    assert.deepEqual(parseRestrictions("III/12 a, V/34\nIII/98"), ["III/12a", "V/34", "III/98"]);
    assert.deepEqual(parseRestrictions(""), []);
  });
});
