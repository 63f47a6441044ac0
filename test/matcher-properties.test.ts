import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { matchName } from "../src/analyzer/matcher.js";
import { nameKey } from "../src/analyzer/normalize.js";
import { inventoryDictionary } from "./inventory-dictionary.js";

/** Properties of the matcher over the real CosIng inventory (../shared/data). */
const { names, dictionary } = inventoryDictionary();
const known = new Set(names.map(nameKey));

describe("matcher properties over the CosIng inventory", () => {
  it("every inventory name matches itself exactly", () => {
    const misses = names.filter((name) => {
      const m = matchName(dictionary, name);
      return m.match !== "exact" || nameKey(m.ingredient?.inci ?? "") !== nameKey(name);
    });
    assert.deepEqual(misses, []);
    assert.ok(names.length > 28_000);
  });

  const withNumbers = names.filter((n) => /\d/.test(n));
  it("a name that differs from a real name only in a number is never matched fuzzily to it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...withNumbers), fc.integer({ min: 1, max: 200 }), (name, delta) => {
        let replaced = false;
        const mutated = name.replace(/\d+/, (n) => {
          replaced = true;
          return String(Number.parseInt(n, 10) + delta);
        });
        fc.pre(replaced && !known.has(nameKey(mutated)));
        const m = matchName(dictionary, mutated);
        return !(m.match === "fuzzy" && nameKey(m.ingredient?.inci ?? "") === nameKey(name));
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  const STEMS: Array<[RegExp, string]> = [
    [/LAURETH/, "LAURYL"],
    [/LAURYL/, "LAURETH"],
    [/ATE\b/, "ITE"],
    [/ITE\b/, "ATE"],
    [/IDE\b/, "ATE"],
    [/ETH-/, "YL-"],
  ];
  const withStems = names.filter((n) => STEMS.some(([from]) => from.test(n)));
  it("a name that differs from a real name only in a chemical stem is never matched fuzzily to it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...withStems), fc.constantFrom(...STEMS), (name, [from, to]) => {
        fc.pre(from.test(name));
        const mutated = name.replace(from, to);
        fc.pre(!known.has(nameKey(mutated)));
        const m = matchName(dictionary, mutated);
        return !(m.match === "fuzzy" && nameKey(m.ingredient?.inci ?? "") === nameKey(name));
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  const MARKETING = (
    "hydrates gently visibly reduces appearance radiance glow plumping nourishing skin looks " +
    "smoother brighter complexion dermatologist tested suitable sensitive daily routine formula " +
    "lightweight absorbs quickly leaves feeling soft supple clinically proven results weeks"
  ).split(" ");
  it("what is not an ingredient comes back unrecognised", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKETING), { minLength: 2, maxLength: 8 }), (words) => {
        return matchName(dictionary, words.join(" ")).match === "unknown";
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
