import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Rating } from "../../ingredients/types.js";
import { inci, makeIngredient, makeLabel } from "./factories.js";
import { comedogenic, irritant } from "./rating-rules.js";

const rating = (
  value: number | null,
  basis: Rating["basis"] = "tested",
  extra: Partial<Rating> = {},
): Rating => ({
  value,
  basis,
  rationale: "test rationale for the rating",
  sources: [],
  ...extra,
});

describe("comedogenic", () => {
  const cases: Array<[string, Rating | null, string | null]> = [
    ["rated 5, tested", rating(5), "Isopropyl Myristate: comedogenic rating 5/5 (tested)"],
    [
      "rated 3, estimated",
      rating(3, "estimated"),
      "Isopropyl Myristate: comedogenic rating 3/5 (editorial estimate)",
    ],
    [
      "rated 4, secondary",
      rating(4, "secondary"),
      "Isopropyl Myristate: comedogenic rating 4/5 (from secondary compilations)",
    ],
    ["rated 2", rating(2), null],
    ["rated 0", rating(0), null],
    ["not rated (null value)", rating(null, "estimated"), null],
    ["no rating at all", null, null],
  ];
  for (const [what, value, expected] of cases) {
    it(`${expected ? "fires" : "does not fire"} when ${what}`, () => {
      const ipm = makeIngredient({ inci: "ISOPROPYL MYRISTATE", comedogenic: value });
      const hits = comedogenic.evaluate(makeLabel([ipm]));
      assert.deepEqual(
        hits.map((h) => h.reason),
        expected ? [expected] : [],
      );
    });
  }

  it("mentions a disagreement between sources", () => {
    const oil = makeIngredient({
      inci: "COCOS NUCIFERA OIL",
      comedogenic: rating(4, "secondary", { disagreement: "Fulton 4, others 2" }),
    });
    assert.match(
      comedogenic.evaluate(makeLabel([oil]))[0]?.reason ?? "",
      /sources disagree: Fulton 4, others 2/,
    );
  });

  it("never infers a rating from the name", () => {
    assert.deepEqual(comedogenic.evaluate(makeLabel([inci("ISOPROPYL MYRISTATE"), null])), []);
  });
});

describe("irritant", () => {
  it("fires at 3/5 and above only, with the basis", () => {
    const sls = makeIngredient({ inci: "SODIUM LAURYL SULFATE", irritancy: rating(3) });
    const mild = makeIngredient({ inci: "GLYCERIN", irritancy: rating(1) });
    const hits = irritant.evaluate(makeLabel([mild, sls]));
    assert.deepEqual(hits, [{ position: 2, reason: "Sodium Lauryl Sulfate: irritancy rating 3/5 (tested)" }]);
    assert.equal(irritant.severity, "caution");
  });
});
