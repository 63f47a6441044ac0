import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffContents, lineDiff, sideBySide } from "./diff.js";
import { type ArticleContent, changedFields, fieldHash, fieldValue } from "./fields.js";
import { corpusHashes, mergeCorpus } from "./merge.js";

const ops = (a: string, b: string) =>
  lineDiff(a, b)
    .map((o) => `${o.op === "same" ? " " : o.op === "del" ? "-" : "+"}${o.text}`)
    .join("|");

describe("line diff (longest common subsequence)", () => {
  for (const [before, after, expected] of [
    ["", "", ""],
    ["a", "a", " a"],
    ["", "a\nb", "+a|+b"],
    ["a\nb", "", "-a|-b"],
    ["a\nb\nc", "a\nc", " a|-b| c"],
    ["a\nc", "a\nb\nc", " a|+b| c"],
    ["a\nb\nc", "a\nx\nc", " a|-b|+x| c"],
    ["x\na\nb", "a\nb\ny", "-x| a| b|+y"],
    ["a\nb\na\nb", "b\na\nb\na", "-a| b| a| b|+a"],
  ] as const) {
    it(`${JSON.stringify(before)} -> ${JSON.stringify(after)}`, () => {
      assert.equal(ops(before, after), expected);
      // Applying the diff gives back both texts.
      const d = lineDiff(before, after);
      assert.equal(
        d
          .filter((o) => o.op !== "add")
          .map((o) => o.text)
          .join("\n"),
        before,
      );
      assert.equal(
        d
          .filter((o) => o.op !== "del")
          .map((o) => o.text)
          .join("\n"),
        after,
      );
    });
  }

  it("pairs a run of removed and added lines side by side, numbering each side", () => {
    const rows = sideBySide(lineDiff("a\nb\nc\nd", "a\nB\nd\ne"));
    assert.deepEqual(
      rows.map((r) => [
        r.kind,
        r.left?.number ?? null,
        r.left?.text ?? null,
        r.right?.number ?? null,
        r.right?.text ?? null,
      ]),
      [
        ["same", 1, "a", 1, "a"],
        ["change", 2, "b", 2, "B"],
        ["change", 3, "c", null, null],
        ["same", 4, "d", 3, "d"],
        ["change", null, null, 4, "e"],
      ],
    );
  });
});

function content(overrides: Partial<ArticleContent> = {}): ArticleContent {
  return {
    inci: "TEST",
    name: "Test",
    aliases: [],
    cas: [],
    ec: [],
    functions: ["Emollient"],
    facts: { summary: "One", productTypes: ["creams"], reviewed: "2026-01-01" },
    sections: { "What is it": "Line one\nLine two", Summary: "End." },
    ...overrides,
  };
}

describe("fields and the corpus merge", () => {
  it("compares fields whatever the key order, with absent facts as null or empty", () => {
    const a = content({ facts: { comedogenic: { value: 1, basis: "tested", rationale: "r", sources: [] } } });
    const b = content({
      facts: { comedogenic: { sources: [], rationale: "r", basis: "tested", value: 1 }, allergens: [] },
    });
    assert.deepEqual(changedFields(a, b), []);
    assert.deepEqual(fieldValue(a, "facts.allergens"), []);
    assert.equal(fieldValue(a, "facts.fungalAcne"), null);
    assert.equal(fieldValue(a, "sections.EU status"), "");
  });

  it("applies corpus fields, keeps editor-owned ones, and reports only what the corpus changed", () => {
    const old = content();
    const stored = content({ facts: { ...old.facts, summary: "Editor" } });
    const sources = { "facts.summary": "editor" as const };
    const corpus = content({ facts: { ...old.facts, summary: "Two", productTypes: ["gels"] } });
    const merge = mergeCorpus(stored, sources, corpus, corpusHashes(old));
    assert.equal(merge.merged.facts.summary, "Editor");
    assert.deepEqual(merge.merged.facts.productTypes, ["gels"]);
    assert.deepEqual(merge.conflicts, [{ field: "facts.summary", corpusValue: "Two" }]);
    assert.equal(merge.hashes["facts.summary"], fieldHash("Two"));
    // The corpus left the summary alone this time: no conflict, whatever the editor wrote.
    const quiet = mergeCorpus(stored, sources, corpus, merge.hashes);
    assert.deepEqual(quiet.conflicts, []);
    // The corpus now says what the editor says: nothing to decide.
    const agreed = mergeCorpus(
      stored,
      sources,
      content({ facts: { ...old.facts, summary: "Editor" } }),
      merge.hashes,
    );
    assert.deepEqual(agreed.conflicts, []);
  });

  it("merges sections one by one, and a section the corpus removes goes unless an editor wrote it", () => {
    const stored = content({ sections: { "What is it": "Editor text", Summary: "End." } });
    const corpus = content({ sections: { "What is it": "Corpus text" } });
    const merge = mergeCorpus(stored, { "sections.What is it": "editor" }, corpus, null);
    assert.deepEqual(merge.merged.sections, { "What is it": "Editor text" });
    assert.deepEqual(
      merge.conflicts.map((c) => c.field),
      ["sections.What is it"],
    );
  });

  it("lists the differences of two versions, facts first, sections with their line diff", () => {
    const changes = diffContents(
      content(),
      content({ name: "New", sections: { "What is it": "Line one\nLine 2", Summary: "End." } }),
    );
    assert.deepEqual(
      changes.map((c) => [c.key, c.before, c.after]),
      [
        ["name", "Test", "New"],
        ["sections.What is it", "", ""],
      ],
    );
    assert.equal(changes[1]?.rows?.filter((r) => r.kind === "change").length, 1);
  });
});
