import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { WordScanner } from "./mentions.js";

// Overlapping words (one inside another, shared prefixes and suffixes), as the failure links need.
const WORDS = [
  "ingr",
  "inci",
  "contain",
  "conten",
  "enthalten",
  "time to time",
  "+",
  "±",
  "and",
  "aab",
  "ab",
  "b",
];
const scanner = new WordScanner(WORDS);
const expected = (text: string) =>
  WORDS.reduce((mask, word, i) => (text.includes(word) ? mask | (1 << i) : mask), 0);

describe("WordScanner", () => {
  it("finds each word the text holds, as includes does", () => {
    const alphabet = fc.constantFrom(..."aabcdeilnort ±+é\u2028".split(""), ...WORDS);
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join("")),
        (text) => scanner.scan(text) === expected(text),
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("handles any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        (text) => scanner.scan(text) === expected(text),
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it("gives the mask of a subset of its words", () => {
    assert.equal(scanner.maskOf(["inci", "+"]), (1 << 1) | (1 << 6));
    assert.equal(scanner.scan("may contain: inci"), scanner.maskOf(["inci", "contain"]));
    assert.throws(() => scanner.maskOf(["absent"]));
  });
});
