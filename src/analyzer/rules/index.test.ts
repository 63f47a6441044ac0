import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { AnalyzedEntry, Rule } from "../types.js";
import { inci, makeEntry, makeIngredient, makeLabel, makeRegulation } from "./factories.js";
import { evaluateRules, onePercentLine, RULES } from "./index.js";

const REQUIRED_IDS = [
  "eu-allergen-label",
  "eu-prohibited",
  "eu-restricted",
  "eu-preservative",
  "eu-uv-filter",
  "eu-colorant",
  "comedogenic",
  "irritant",
  "fungal-acne",
  "fragrance",
  "essential-oil",
  "drying-alcohol",
  "silicone",
  "sulfate",
  "paraben",
  "formaldehyde-releaser",
  "isothiazolinone",
  "not-vegan",
  "human-derived",
  "pregnancy-caution",
  "photosensitising",
  "reef-concern",
  "one-percent-line",
];

describe("RULES", () => {
  it("has every required id, once, each with a title and a source", () => {
    const ids = RULES.map((r) => r.id);
    assert.deepEqual([...ids].sort(), [...REQUIRED_IDS].sort());
    for (const rule of RULES) {
      assert.ok(rule.title.length > 3, rule.id);
      assert.ok(rule.source.length > 10, rule.id);
    }
  });

  it("re-exports onePercentLine", () => {
    assert.equal(typeof onePercentLine, "function");
  });
});

const rule = (id: string, severity: Rule["severity"], hits: Array<[number, string]>): Rule => ({
  id,
  severity,
  title: id,
  source: "test",
  evaluate: () => hits.map(([position, reason]) => ({ position, reason })),
});

describe("evaluateRules", () => {
  it("sorts by severity, then rule order, and skips rules that did not fire", () => {
    const rules = [
      rule("a-info", "info", [[1, "x"]]),
      rule("b-warning", "warning", [[2, "y"]]),
      rule("c-silent", "warning", []),
      rule("d-caution", "caution", [[3, "z"]]),
      rule("e-warning", "warning", [[4, "w"]]),
    ];
    assert.deepEqual(
      evaluateRules([], rules).map((f) => f.id),
      ["b-warning", "e-warning", "d-caution", "a-info"],
    );
  });

  it("sorts positions ascending, de-duplicates them and keeps reasons aligned", () => {
    const [flag] = evaluateRules(
      [],
      [
        rule("r", "info", [
          [5, "five"],
          [2, "two"],
          [5, "five again"],
          [2, "two"],
        ]),
      ],
    );
    assert.deepEqual(flag?.positions, [2, 5]);
    assert.deepEqual(flag?.reasons, ["two", "five; five again"]);
    assert.equal(flag?.source, "test");
  });

  it("flags a realistic label", () => {
    const phenoxy = makeIngredient({
      inci: "PHENOXYETHANOL",
      regulations: [makeRegulation({ annex: "V", ref: "29", substance: "2-Phenoxyethanol", maxPercent: 1 })],
    });
    const label = makeLabel([
      inci("AQUA"),
      inci("ALCOHOL DENAT."),
      inci("ISOPROPYL MYRISTATE"),
      inci("DIMETHICONE"),
      phenoxy,
      inci("PARFUM"),
      inci("LINALOOL"),
      null,
    ]);
    const flags = evaluateRules(label);
    const byId = new Map(flags.map((f) => [f.id, f]));
    assert.deepEqual(byId.get("drying-alcohol")?.positions, [2]);
    assert.deepEqual(byId.get("fungal-acne")?.positions, [3]);
    assert.deepEqual(byId.get("silicone")?.positions, [4]);
    assert.deepEqual(byId.get("eu-preservative")?.positions, [5]);
    assert.deepEqual(byId.get("fragrance")?.positions, [6]);
    assert.deepEqual(byId.get("eu-allergen-label")?.positions, [7]);
    assert.deepEqual(byId.get("one-percent-line")?.positions, [6, 7]);
    assert.ok(!byId.has("paraben") && !byId.has("human-derived"));
  });
});

/** Entries built from a pool of real-world names, some unrecognised, in both groups and two sections. */
const POOL = [
  "AQUA",
  "ALCOHOL DENAT.",
  "PARFUM",
  "LINALOOL",
  "DIMETHICONE",
  "METHYLPARABEN",
  "RETINOL",
  "GLYCOLIC ACID",
  "SODIUM LAURYL SULFATE",
  "POLYSORBATE 80",
  "LAVANDULA ANGUSTIFOLIA OIL",
  "OXYBENZONE",
  "CERA ALBA",
  "DMDM HYDANTOIN",
  "METHYLISOTHIAZOLINONE",
  "HUMAN PLACENTA PROTEIN",
  "CITRUS LIMON PEEL OIL",
  "GLYCERIN",
];
const entriesArb = fc
  .array(
    fc.record({
      name: fc.option(fc.constantFrom(...POOL), { nil: null }),
      group: fc.constantFrom<AnalyzedEntry["group"]>("main", "may_contain"),
      section: fc.constantFrom(0, 1),
    }),
    { maxLength: 25 },
  )
  .map((items) =>
    items.map((item, index) =>
      makeEntry(item.name ? inci(item.name) : null, {
        position: index + 1,
        group: item.group,
        section: item.section,
      }),
    ),
  );

describe("evaluateRules properties", () => {
  it("never flags an unrecognised entry, and keeps positions ascending, unique and aligned with reasons", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const unknown = new Set(entries.filter((e) => e.ingredient === null).map((e) => e.position));
        for (const flag of evaluateRules(entries)) {
          assert.equal(flag.positions.length, flag.reasons.length);
          for (let i = 1; i < flag.positions.length; i++) {
            assert.ok((flag.positions[i] as number) > (flag.positions[i - 1] as number));
          }
          for (const p of flag.positions)
            assert.ok(!unknown.has(p), `${flag.id} flagged unrecognised entry ${p}`);
        }
      }),
    );
  });

  it("gives every reason the display name of its entry's ingredient", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const byPosition = new Map(entries.map((e) => [e.position, e]));
        for (const flag of evaluateRules(entries)) {
          flag.positions.forEach((p, i) => {
            const name = byPosition.get(p)?.ingredient?.name ?? "";
            assert.ok(flag.reasons[i]?.startsWith(`${name}: `), `${flag.id}: ${flag.reasons[i]}`);
          });
        }
      }),
    );
  });
});
