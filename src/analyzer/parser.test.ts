import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseLabel } from "./parser.js";

const names = (text: string) => parseLabel(text).items.map((i) => i.name);

describe("parseLabel: prefixes and separators", () => {
  const cases: Array<[string, string, string[]]> = [
    ["Ingredients: prefix", "Ingredients: Water, Glycerin", ["Water", "Glycerin"]],
    ["bilingual prefix", "INGREDIENTS/INGRÉDIENTS: Aqua, Glycerin", ["Aqua", "Glycerin"]],
    ["code before the prefix", "12345 INGREDIENTS: Aqua, Glycerin", ["Aqua", "Glycerin"]],
    ["semicolons", "Water; Glycerin; Mica", ["Water", "Glycerin", "Mica"]],
    ["new lines", "Water\nGlycerin\nMica", ["Water", "Glycerin", "Mica"]],
    ["bullets", "Water • Glycerin · Mica", ["Water", "Glycerin", "Mica"]],
    [
      "comma inside a chemical name",
      "Water, 1,2-Hexanediol, Glycerin",
      ["Water", "1,2-Hexanediol", "Glycerin"],
    ],
    ["Alcohol Denat. keeps its name", "Alcohol Denat., Water", ["Alcohol Denat", "Water"]],
    [
      "full stop used as a separator",
      "Calendula Extract. Caprylhydroxamic Acid",
      ["Calendula Extract", "Caprylhydroxamic Acid"],
    ],
    ["empty items between commas", "Cetearyl Alcohol,, Water.", ["Cetearyl Alcohol", "Water"]],
    [
      "inner parentheses stay in the item",
      "Helianthus Annuus (Sunflower) Seed Oil, Water",
      ["Helianthus Annuus (Sunflower) Seed Oil", "Water"],
    ],
    [
      "slashes stay in the item",
      "Caprylic/Capric Triglyceride, Water/Aqua/Eau",
      ["Caprylic/Capric Triglyceride", "Water/Aqua/Eau"],
    ],
    [
      "commas inside parentheses",
      "Tocopherol (Vitamin E, Antioxidant), Water",
      ["Tocopherol (Vitamin E, Antioxidant)", "Water"],
    ],
    [
      "unbalanced parenthesis does not swallow the list",
      "Water (Aqua, Glycerin, Mica",
      ["Water (Aqua", "Glycerin", "Mica"],
    ],
    ["leading 'and'", "Water, Glycerin, and Mica", ["Water", "Glycerin", "Mica"]],
  ];
  for (const [title, text, expected] of cases) it(title, () => assert.deepEqual(names(text), expected));
});

describe("parseLabel: marks, percentages, nano", () => {
  it("strips footnote marks and keeps them", () => {
    const [a, b, c] = parseLabel("Aloe Vera*, Rosa Oil**, Shea Butter†").items;
    assert.deepEqual([a?.name, b?.name, c?.name], ["Aloe Vera", "Rosa Oil", "Shea Butter"]);
    assert.deepEqual([a?.marks, b?.marks, c?.marks], [["*"], ["**"], ["†"]]);
  });
  it("reports footnotes as skipped, not as entries", () => {
    const parsed = parseLabel("Water, Aloe Vera*. *Certified organic ingredient");
    assert.deepEqual(
      parsed.items.map((i) => i.name),
      ["Water", "Aloe Vera"],
    );
    assert.deepEqual(parsed.skipped, [{ text: "*Certified organic ingredient", why: "footnote" }]);
  });
  it("reads percentages in several spellings", () => {
    const items = parseLabel("Zinc Oxide 20%, Niacinamide (5%), Salicylic Acid 0,5 %, Water").items;
    assert.deepEqual(
      items.map((i) => [i.name, i.percent]),
      [
        ["Zinc Oxide", 20],
        ["Niacinamide", 5],
        ["Salicylic Acid", 0.5],
        ["Water", null],
      ],
    );
  });
  it("marks nano ingredients", () => {
    const [item] = parseLabel("Titanium Dioxide (nano), Water").items;
    assert.equal(item?.name, "Titanium Dioxide");
    assert.equal(item?.nano, true);
  });
  it("expands a list of colour index numbers in parentheses", () => {
    const items = parseLabel("Mica, Iron Oxides (CI 77491, CI 77492, CI 77499)").items;
    assert.deepEqual(
      items.map((i) => i.name),
      ["Mica", "CI 77491", "CI 77492", "CI 77499"],
    );
  });
});

describe("parseLabel: may contain", () => {
  const groups = (text: string) => parseLabel(text).items.map((i) => `${i.name}:${i.group}`);
  it("May contain:", () => {
    assert.deepEqual(groups("Talc, Mica. May Contain: CI 77891, CI 77491"), [
      "Talc:main",
      "Mica:main",
      "CI 77891:may_contain",
      "CI 77491:may_contain",
    ]);
  });
  it("[+/- ...] in brackets, then the main list goes on", () => {
    assert.deepEqual(groups("Talc, [+/- CI 77891, CI 77491 (Iron Oxides)], Mica"), [
      "Talc:main",
      "CI 77891:may_contain",
      "CI 77491 (Iron Oxides):may_contain",
      "Mica:main",
    ]);
  });
  it("peut contenir", () => {
    assert.deepEqual(groups("Talc. Peut contenir: CI 77891"), ["Talc:main", "CI 77891:may_contain"]);
  });
});

describe("parseLabel: text around the list", () => {
  it("skips marketing bullets before the list", () => {
    const parsed = parseLabel("-Hyaluronic Acid: Hydrates.\n-Zinc Oxide 12%\n\nWater, Glycerin, Mica");
    assert.deepEqual(
      parsed.items.map((i) => i.name),
      ["Water", "Glycerin", "Mica"],
    );
    assert.deepEqual(
      parsed.skipped.map((s) => s.why),
      ["marketing", "marketing"],
    );
  });
  it("skips retailer disclaimers", () => {
    const parsed = parseLabel(
      "Water, Glycerin. Please be aware that ingredient lists may change or vary from time to time. Please refer to the ingredient list on the product package you receive for the most up-to-date list of ingredients.",
    );
    assert.deepEqual(
      parsed.items.map((i) => i.name),
      ["Water", "Glycerin"],
    );
    assert.equal(parsed.skipped.filter((s) => s.why === "disclaimer").length, 2);
  });
  it("skips a marketing sentence", () => {
    const parsed = parseLabel(
      "This gentle cream helps your skin feel soft and smooth all day.\nWater, Glycerin",
    );
    assert.deepEqual(
      parsed.items.map((i) => i.name),
      ["Water", "Glycerin"],
    );
    assert.equal(parsed.skipped[0]?.why, "marketing");
  });
  it("finds no list in 'No Info'", () => {
    const parsed = parseLabel("No Info");
    assert.equal(parsed.items.length, 0);
    assert.deepEqual(parsed.skipped, [{ text: "No Info", why: "not_a_list" }]);
  });
});

describe("parseLabel: several products", () => {
  it("headings with colons start sections", () => {
    const parsed = parseLabel("Shade 1:\nWater, Glycerin, Mica\nShade 2:\nWater, Talc, Silica");
    assert.deepEqual(parsed.sections, ["Shade 1", "Shade 2"]);
    assert.deepEqual(
      parsed.items.map((i) => i.section),
      [0, 0, 0, 1, 1, 1],
    );
  });
  it("product names without colons start sections", () => {
    const parsed = parseLabel("Cleanser\nWater, Glycerin, Mica\nToner\nWater, Talc, Silica");
    assert.deepEqual(parsed.sections, ["Cleanser", "Toner"]);
  });
  it("a second Ingredients: prefix starts a section", () => {
    const parsed = parseLabel("Ingredients: Water, Glycerin. Ingredients: Talc, Mica");
    assert.deepEqual(
      parsed.items.map((i) => i.section),
      [0, 0, 1, 1],
    );
  });
  it("active and inactive ingredients are one product", () => {
    const parsed = parseLabel("Active Ingredients: Zinc Oxide 20% Inactive Ingredients: Water, Glycerin");
    assert.deepEqual(
      parsed.items.map((i) => [i.name, i.section]),
      [
        ["Zinc Oxide", 0],
        ["Water", 0],
        ["Glycerin", 0],
      ],
    );
  });
  it("a list wrapped over lines stays one product", () => {
    const parsed = parseLabel("Water, Glycerin, Mica,\nTalc, Silica, Parfum");
    assert.deepEqual(new Set(parsed.items.map((i) => i.section)), new Set([0]));
  });
});

describe("parseLabel: Unicode", () => {
  it("handles BOM, NFD, non-breaking spaces, curly quotes and en dashes", () => {
    const text = "\uFEFFAqua,\u00A0Glyce\u0301rine, St. Paul\u2019s Wort, PEG\u201340 Stearate";
    assert.deepEqual(names(text), ["Aqua", "Glycérine", "St. Paul's Wort", "PEG-40 Stearate"]);
  });
  it("repairs the soft-hyphen mojibake", () => {
    assert.deepEqual(names("Methyl Gluceth-¬‐20, Water"), ["Methyl Gluceth-20", "Water"]);
  });
});

describe("parseLabel: slips seen in real lists", () => {
  it("reads backslashes as slashes", () =>
    assert.deepEqual(names("Water\\Aqua\\Eau, Glycerin"), ["Water/Aqua/Eau", "Glycerin"]));
  it("joins '1, 2-Hexanediol'", () =>
    assert.deepEqual(names("Water, 1, 2-Hexanediol, Glycerin"), ["Water", "1,2-Hexanediol", "Glycerin"]));
  it("keeps 'Ext. Violet 2' whole", () =>
    assert.deepEqual(names("Water, Ext. Violet 2 (CI 60730)"), ["Water", "Ext. Violet 2 (CI 60730)"]));
  it("strips a bullet before an item", () =>
    assert.deepEqual(names("Ingredients: -Avobenzone 3%, Water"), ["Avobenzone", "Water"]));
  it("cuts a footnote glued to the last item", () => {
    const parsed = parseLabel("Water, Phenoxyethanol * Essential Oil");
    assert.deepEqual(
      parsed.items.map((i) => i.name),
      ["Water", "Phenoxyethanol"],
    );
    assert.deepEqual(parsed.skipped, [{ text: "* Essential Oil", why: "footnote" }]);
  });
});

describe("parseLabel: what a product is free of", () => {
  it("skips 'Free of ...' sentences as marketing", () => {
    const parsed = parseLabel(
      "Water, Glycerin, Aroma.\n\nVegan. Free of Parabens, Mineral Oil, Sulfates, Silicones, Phthalates.",
    );
    assert.deepEqual(
      parsed.items.map((i) => i.name),
      ["Water", "Glycerin", "Aroma"],
    );
    assert.ok(parsed.skipped.some((s) => s.why === "marketing" && s.text.startsWith("Free of Parabens")));
  });
  it("skips 'do not contain' lists", () => {
    const parsed = parseLabel(
      "Water, Glycerin. In addition, our products do not contain urea, PABA, phthalates, amines.",
    );
    assert.deepEqual(
      parsed.items.map((i) => i.name),
      ["Water", "Glycerin"],
    );
  });
  it("splits a percentage glued to the next name", () => {
    assert.deepEqual(names("Octisalate 5.0%Water, Glycerin"), ["Octisalate", "Water", "Glycerin"]);
  });
});

describe("parseLabel: trade blends", () => {
  it("splits '(and)' into two ingredients", () => {
    assert.deepEqual(names("Tapioca Starch (and) Polymethylsilsesquioxane, Water"), [
      "Tapioca Starch",
      "Polymethylsilsesquioxane",
      "Water",
    ]);
  });
});
