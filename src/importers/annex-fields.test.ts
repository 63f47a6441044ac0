import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Annex } from "../ingredients/types.js";
import { isDeletedEntry, maxPercentOf, normaliseRef, parseAnnexNo } from "./annex-fields.js";

describe("maxPercentOf", () => {
  const cases: [string | null, Annex, number | null][] = [
    ["1%", "III", 1],
    ["1.0%", "V", 1],
    ["0,8 %", "III", 0.8],
    ["0.5% (acid)", "V", 0.5],
    ["8%(as acid)", "VI", 8],
    ["7,34 %", "VI", 7.34],
    ["0.0015% (of a mixture in the ratio 3:1 of ...", "V", 0.0015],
    ["25%*\n*: In case of combined use of Titanium Dioxide and Titanium Dioxide (nano)", "VI", 25],
    ["For (a) and (b): 0,2 %", "IV", 0.2],
    ["(a) and (b) 1 %", "V", 1],
    // Several values, one per product type.
    ["(a) 3.0%\n\n(b) 2.0%\n\n(c) 0.5%\n", "III", null],
    ["a) 2.5% (acid)\r\nb) 1.7% (acid)\r\nc) 0.5% (acid)", "V", null],
    ["(a) 0,2 %\n(b) 0,2 %\n(c) 0,2 %\n(d) 0,5 %", "V", null],
    // A lone value for one product type only (the hair dyes of Annex III).
    ["(b) 1,0 %", "III", null],
    ["b) 0,02 %", "III", null],
    // Equal values count as one in Annex V only.
    ["Salicylic acid: 0,5 % (acid)\r\n\r\nSalicylic acid salts: 0,5 % (acid)", "V", 0.5],
    ["0.007% (of Hg)\nIf mixed with ... remains fixed at 0.007%", "V", 0.007],
    ["(a) 1 %\n(b) 1 %", "III", null],
    // No percentage.
    ["Rinse-off products", "IV", null],
    ["", "III", null],
    [null, "III", null],
  ];
  for (const [cell, annex, expected] of cases) {
    test(`${JSON.stringify(cell)} in Annex ${annex} -> ${expected}`, () =>
      assert.equal(maxPercentOf(cell, annex), expected));
  }
});

describe("reference numbers and placeholders", () => {
  test("normaliseRef removes spaces", () => {
    assert.equal(normaliseRef(" 12 a "), "12a");
    assert.equal(normaliseRef("2a"), "2a");
  });
  test("isDeletedEntry recognises moved or deleted placeholders only", () => {
    assert.equal(isDeletedEntry("Moved or deleted"), true);
    assert.equal(isDeletedEntry(" deleted"), true);
    assert.equal(isDeletedEntry("Deanol aceglumate (INN)"), false);
  });
  test("parseAnnexNo accepts the five annexes", () => {
    assert.equal(parseAnnexNo(" vi "), "VI");
    assert.equal(parseAnnexNo("I"), null);
    assert.equal(parseAnnexNo(undefined), null);
  });
});
