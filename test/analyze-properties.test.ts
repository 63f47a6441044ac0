import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeLabel } from "../src/analyzer/analyze.js";
import type { Analysis } from "../src/analyzer/types.js";
import { inventoryDictionary } from "./inventory-dictionary.js";

const { dictionary } = inventoryDictionary();

/** Positions are 1..n in order, and every flag and claim points at existing entries. */
function consistent(text: string, analysis: Analysis): boolean {
  for (const [i, e] of analysis.entries.entries()) assert.equal(e.position, i + 1);
  const positions = new Set(analysis.entries.map((e) => e.position));
  for (const flag of analysis.flags) {
    assert.ok(flag.positions.length > 0 && flag.positions.every((p) => positions.has(p)), flag.id);
    assert.equal(flag.reasons.length > 0, true);
  }
  for (const claim of analysis.claims) assert.ok(claim.positions.every((p) => positions.has(p)));
  for (const entry of analysis.entries) {
    assert.ok(entry.section >= 0 && entry.section < analysis.sections.length);
    assert.ok(entry.text.length > 0 && text.length > 0);
    assert.equal(entry.ingredient === null, entry.match === "unknown");
  }
  return true;
}

// Label-like pieces so that random text also exercises the list paths, not only gibberish.
const piece = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "Aqua",
    "Glycerin",
    "Parfum",
    "(",
    ")",
    "[+/-",
    "]",
    ", ",
    "; ",
    "\n",
    "/",
    "*",
    "May contain:",
    "Ingredients:",
    "1,2-",
    "CI 77891",
    "%",
    "Niacinamde",
    "Sodium Lauret Sulfate",
  ),
);
const labelish = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

describe("analyzeLabel never throws", () => {
  it("on arbitrary Unicode text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) =>
        consistent(text || " ", analyzeLabel(text, dictionary, { claims: ["fragrance-free", "vegan"] })),
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it("on label-like text", () => {
    fc.assert(
      fc.property(labelish, (text) =>
        consistent(text || " ", analyzeLabel(text, dictionary, { claims: ["alcohol-free"] })),
      ),
      { numRuns: 500, seed: 12 },
    );
  });

  it("on inputs of about 1 MB", () => {
    fc.assert(
      fc.property(fc.oneof(labelish, fc.string({ unit: "binary", minLength: 1, maxLength: 200 })), (seed) => {
        const unit = seed.length > 0 ? seed : "x";
        const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
        return consistent(text, analyzeLabel(text, dictionary));
      }),
      { numRuns: 4, seed: 13 },
    );
  });
});
