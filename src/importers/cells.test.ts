import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extractCas, extractEc, isoDateOrNull, multilineOrNull, textOrNull } from "./cells.js";

describe("extractCas", () => {
  const cases: [string, string[]][] = [
    [" 99728-55-9   ", ["99728-55-9"]],
    [" 2040469-40-5, 2422121-34-2", ["2040469-40-5", "2422121-34-2"]],
    ["65-85-0 / 532-32-1", ["65-85-0", "532-32-1"]],
    ["1863-63-4 /2090-05-3", ["1863-63-4", "2090-05-3"]],
    ["12008-41-2 [1]/ 12280-03-4 [2]", ["12008-41-2", "12280-03-4"]],
    ["69-72-7[1]/ 824-35-1[2]", ["69-72-7", "824-35-1"]],
    ["26172-55-4, 2682-20-4; 55965-84-9;", ["26172-55-4", "2682-20-4", "55965-84-9"]],
    ["-", []],
    [" ", []],
    ["109-86-4 / 109-86-4", ["109-86-4"]],
    // Fragments that are not CAS numbers are dropped.
    ["12345-6-7 / 1-23-4 / 12345678-12-3 / 123-45-67 / 50-00-0", ["50-00-0"]],
  ];
  for (const [cell, expected] of cases) {
    test(JSON.stringify(cell), () => assert.deepEqual(extractCas(cell), expected));
  }
  test("an EC number is not a CAS number", () => assert.deepEqual(extractCas("200-618-2"), []));
});

describe("extractEc", () => {
  const cases: [string, string[]][] = [
    ["213-488-7 (I),", ["213-488-7"]],
    ["-, 247-118-0", ["247-118-0"]],
    ["273-627-2 (1), 283-093-2 (2)", ["273-627-2", "283-093-2"]],
    ["208-293-9 / 224-580-1 / -", ["208-293-9", "224-580-1"]],
    ["247-500-7,  220-239-6", ["247-500-7", "220-239-6"]],
    ["215-282-2 [ 3]", ["215-282-2"]],
    ["203-713-7 / 251-174-1", ["203-713-7", "251-174-1"]],
    ["2003-713-7 / 20-713-7", []],
  ];
  for (const [cell, expected] of cases) {
    test(JSON.stringify(cell), () => assert.deepEqual(extractEc(cell), expected));
  }
});

describe("isoDateOrNull", () => {
  test("reads dd/mm/yyyy", () => assert.equal(isoDateOrNull("16/06/2020"), "2020-06-16"));
  test("reads d/m/yyyy", () => assert.equal(isoDateOrNull(" 4/7/2012 "), "2012-07-04"));
  test("reads the date of an ISO timestamp, ignoring its offset", () =>
    assert.equal(isoDateOrNull("2009-12-22T00:00:00.000+0100"), "2009-12-22"));
  test("rejects impossible dates and other text", () => {
    assert.equal(isoDateOrNull("31/02/2020"), null);
    assert.equal(isoDateOrNull("2020/06/16"), null);
    assert.equal(isoDateOrNull(""), null);
    assert.equal(isoDateOrNull(undefined), null);
  });
});

describe("textOrNull and multilineOrNull", () => {
  test("treat empty, blank and '-' cells as missing", () => {
    for (const cell of ["", " ", "-", " - ", undefined]) assert.equal(textOrNull(cell), null);
    for (const cell of ["\n", "\r\n\r\n", " - "]) assert.equal(multilineOrNull(cell), null);
  });
  test("tidy a multi-line cell without joining its lines", () => {
    assert.equal(
      multilineOrNull(" Ethylene Glycol \r\nEthanol,  2-Methoxy-\n\n\n\nEther \u00A0\n"),
      "Ethylene Glycol\nEthanol, 2-Methoxy-\n\nEther",
    );
  });
});
