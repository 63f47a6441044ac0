import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCorpusFile, splitSections } from "./corpus-file.js";
import { checkCorpusQuality } from "./corpus-quality.js";

const FACTS = `inci: TEST INGREDIENT
name: Test ingredient
functions: ["Solvent"]
origin: synthetic
vegan: true
vegetarian: true
comedogenic: null
irritancy: null
fungalAcne: null
pregnancy: null
photosensitising: null
summary: A test ingredient used only by the unit tests of the corpus loader and its checks.
sources: [cosing]
reviewed: 2026-11-26`;

const file = (facts: string, body = "") => `---\n${facts}\n---\n${body}`;

describe("parseCorpusFile", () => {
  it("accepts a valid facts-only entry and hashes it", () => {
    const result = parseCorpusFile("test-ingredient.md", file(FACTS));
    assert.ok(result.ok);
    if (result.ok) {
      assert.equal(result.entry.slug, "test-ingredient");
      assert.equal(result.entry.contentHash.length, 64);
      assert.deepEqual(result.entry.sections, {});
    }
  });
  it("rejects a file named after another slug", () => {
    const result = parseCorpusFile("other.md", file(FACTS));
    assert.equal(result.ok, false);
  });
  it("rejects unknown keys and lower-case INCI names", () => {
    const unknown = parseCorpusFile("test-ingredient.md", file(`${FACTS}\ncolour: blue`));
    assert.equal(unknown.ok, false);
    const lower = parseCorpusFile(
      "test-ingredient.md",
      file(FACTS.replace("TEST INGREDIENT", "Test Ingredient")),
    );
    assert.equal(lower.ok, false);
  });
  it("rejects a human-derived ingredient marked vegan", () => {
    const result = parseCorpusFile(
      "test-ingredient.md",
      file(FACTS.replace("origin: synthetic", "origin: human-derived")),
    );
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(result.problems.some((p) => p.startsWith("vegan")));
  });
  it("reports broken YAML without throwing", () => {
    const result = parseCorpusFile("test-ingredient.md", file("inci: [unclosed"));
    assert.equal(result.ok, false);
  });
});

describe("splitSections", () => {
  const headings = [
    "What is it",
    "Cosmetic benefits/uses",
    "Who can use it",
    "Potential side effects",
    "Comedogenic rating",
    "Summary",
  ];
  it("accepts the fixed headings in order, EU status optional", () => {
    const body = headings.map((h) => `## ${h}\n\ntext`).join("\n\n");
    assert.deepEqual(splitSections(body).problems, []);
    const withEu = body.replace("## Summary", "## EU status\n\ntext\n\n## Summary");
    assert.deepEqual(splitSections(withEu).problems, []);
  });
  it("rejects headings out of order or unknown", () => {
    const swapped = [...headings]
      .reverse()
      .map((h) => `## ${h}\n\ntext`)
      .join("\n\n");
    assert.ok(splitSections(swapped).problems.length > 0);
    assert.ok(splitSections("## Trivia\n\ntext").problems.some((p) => p.includes("unknown")));
  });
});

describe("checkCorpusQuality", () => {
  const sentence =
    "This exact sentence of well over twelve words is repeated in far too many different articles here.";
  const entry = (slug: string, text: string) => ({
    slug,
    facts: {} as never,
    contentHash: slug,
    sections: { "What is it": `${text} ${`${slug}word `.repeat(400)}` },
  });
  it("fails a sentence of 12+ words in more than three articles", () => {
    const entries = ["a", "b", "c", "d"].map((s) => entry(s, sentence));
    assert.ok(checkCorpusQuality(entries).some((p) => p.message.includes("appears in 4 articles")));
    assert.deepEqual(checkCorpusQuality(entries.slice(0, 3)), []);
  });
  it("allows the fixed disclaimer everywhere", () => {
    const fixed =
      "This is general information, not medical advice: ask your doctor or pharmacist about your own situation.";
    assert.deepEqual(checkCorpusQuality(["a", "b", "c", "d", "e"].map((s) => entry(s, fixed))), []);
  });
  it("checks article length", () => {
    const short = { slug: "s", facts: {} as never, contentHash: "s", sections: { Summary: "Too short." } };
    assert.ok(checkCorpusQuality([short]).some((p) => p.message.includes("350-900")));
  });
});
