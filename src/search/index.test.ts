import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { smallCorpus, TEST_SLUGS } from "../../test/web.js";
import { Dictionary } from "../analyzer/dictionary.js";
import { makeIngredient } from "../analyzer/rules/factories.js";
import { loadCorpus } from "../ingredients/corpus.js";
import type { Ingredient } from "../ingredients/types.js";
import { SearchIndex } from "./index.js";

/** The small test corpus (about 70 entries) as ingredients, without a database: ranking is pure. */
function corpusIngredients(): Ingredient[] {
  const corpus = smallCorpus(TEST_SLUGS);
  try {
    return loadCorpus(corpus.dir).entries.map(({ slug, facts, sections }) =>
      makeIngredient({ ...facts, slug, source: "corpus", hasArticle: Object.keys(sections).length > 0 }),
    );
  } finally {
    corpus.remove();
  }
}

let ingredients: Ingredient[] = [];
let dictionary: Dictionary;
let index: SearchIndex;
const first = (q: string) => index.search(q).hits[0];

before(() => {
  ingredients = corpusIngredients();
  dictionary = new Dictionary(ingredients);
  index = SearchIndex.build(dictionary);
});

describe("search ranking on the small corpus", () => {
  it("corrects a typo and says so", () => {
    const results = index.search("niacinamde");
    assert.equal(results.hits[0]?.ingredient.inci, "NIACINAMIDE");
    assert.equal(results.hits[0]?.kind, "corrected");
    assert.equal(results.didYouMean, "NIACINAMIDE");
    assert.equal(first("tocopherl")?.ingredient.inci, "TOCOPHEROL");
    assert.equal(first("sodum lauryl sulfate")?.ingredient.inci, "SODIUM LAURYL SULFATE");
  });

  it("finds an ingredient by any alias, exact hit first with the alias that matched", () => {
    for (const [q, inci, matched] of [
      ["vitamin e", "TOCOPHEROL", "Vitamin E"],
      ["Vitamin E", "TOCOPHEROL", "Vitamin E"],
      ["aqua", "AQUA", "AQUA"],
      ["water", "AQUA", "WATER"],
      ["CI 77891", "TITANIUM DIOXIDE", "CI 77891"],
      ["ci77891", "TITANIUM DIOXIDE", "CI 77891"],
    ] as const) {
      const hit = first(q);
      assert.equal(hit?.ingredient.inci, inci, q);
      assert.equal(hit?.kind, "exact", q);
      assert.equal(hit?.matchedName.toUpperCase(), matched.toUpperCase(), q);
    }
    assert.equal(index.search("vitamin e").didYouMean, null);
  });

  it("finds CAS and EC numbers, whole or being typed", () => {
    assert.equal(first("56-81-5")?.ingredient.inci, "GLYCERIN");
    assert.equal(first("CAS 56-81-5")?.ingredient.inci, "GLYCERIN");
    assert.equal(first("200-289-5")?.ingredient.inci, "GLYCERIN");
    assert.equal(first("EC: 200-289-5")?.matchedName, "200-289-5");
    assert.equal(first("13463-67-7")?.ingredient.inci, "TITANIUM DIOXIDE");
    const typed = index.search("56-81");
    assert.equal(typed.hits[0]?.ingredient.inci, "GLYCERIN");
    assert.equal(typed.hits[0]?.kind, "number");
    assert.deepEqual(index.search("99999-99-9").hits, []);
  });

  it("ranks every INCI name and every alias first for itself", () => {
    for (const ingredient of ingredients) {
      assert.equal(first(ingredient.inci)?.ingredient, ingredient, ingredient.inci);
      assert.equal(index.suggest(ingredient.inci, 1)[0]?.ingredient, ingredient, ingredient.inci);
      for (const alias of ingredient.aliases) {
        const owner = dictionary.exact(alias.name)?.ingredient;
        assert.equal(first(alias.name)?.ingredient, owner, alias.name);
      }
    }
  });

  it("keeps similar names apart: an exact name is never outranked by a near one", () => {
    assert.equal(first("sodium lauryl sulfate")?.ingredient.inci, "SODIUM LAURYL SULFATE");
    assert.equal(first("sodium laureth sulfate")?.ingredient.inci, "SODIUM LAURETH SULFATE");
  });

  it("lists names that contain the words, and each ingredient once", () => {
    const hits = index.search("sodium").hits;
    const incis = hits.map((h) => h.ingredient.inci);
    assert.ok(incis.includes("SODIUM HYALURONATE"));
    assert.ok(incis.includes("SODIUM LAURETH SULFATE"));
    assert.equal(new Set(incis).size, incis.length);
    assert.ok(incis.every((inci) => hits.find((h) => h.ingredient.inci === inci)));
  });

  it("suggests while typing: prefixes of the last word, typos, aliases", () => {
    assert.equal(index.suggest("niacin")[0]?.ingredient.inci, "NIACINAMIDE");
    assert.equal(index.suggest("niacinamde")[0]?.ingredient.inci, "NIACINAMIDE");
    assert.equal(index.suggest("tocoph")[0]?.ingredient.inci, "TOCOPHEROL");
    assert.equal(index.suggest("titanium diox")[0]?.ingredient.inci, "TITANIUM DIOXIDE");
    assert.equal(index.suggest("vitamin e")[0]?.ingredient.inci, "TOCOPHEROL");
    assert.equal(index.suggest("56-81")[0]?.ingredient.inci, "GLYCERIN");
    assert.ok(index.suggest("glyc").some((h) => h.ingredient.inci === "GLYCERIN"));
    assert.ok(index.suggest("s", 20).length > 1);
    assert.ok(index.suggest("s", 3).length <= 3);
    assert.deepEqual(index.suggest("qqqqzzzz"), []);
  });

  it("answers nothing, without failing, for blank or punctuation-only queries", () => {
    for (const q of ["", "   ", "///", "()", "-", "\u0000"]) {
      assert.deepEqual(index.search(q).hits, [], JSON.stringify(q));
      assert.deepEqual(index.suggest(q), [], JSON.stringify(q));
    }
    assert.ok(index.search("a".repeat(5000)).hits.length >= 0);
  });

  it("lists every ingredient by INCI name for an empty query", () => {
    const all = index.all().map((i) => i.inci);
    assert.equal(all.length, ingredients.length);
    assert.deepEqual(all, [...all].sort());
  });
});

describe("search ranking rules on made-up ingredients", () => {
  it("ranks a full article above an otherwise equal name, and the INCI name above an alias", () => {
    const bare = makeIngredient({ inci: "ZETA TESTOL A" });
    const article = makeIngredient({ inci: "ZETA TESTOL B", hasArticle: true });
    const aliased = makeIngredient({ inci: "OMEGA THING", aliases: [{ name: "Quux Root", kind: "common" }] });
    const named = makeIngredient({ inci: "QUUX BARK" });
    const small = SearchIndex.build(new Dictionary([bare, article, aliased, named]));
    assert.equal(small.search("zeta testol").hits[0]?.ingredient, article);
    assert.deepEqual(
      small.search("quux").hits.map((h) => h.ingredient),
      [named, aliased],
    );
    assert.equal(small.search("quux root").hits[0]?.ingredient, aliased);
  });

  it("prefers a word as typed to a misprint of it (no fuzzy match when the word exists)", () => {
    const right = makeIngredient({ inci: "ALOE BARBADENSIS LEAF EXTRACT" });
    const misprint = makeIngredient({ inci: "FISH ARTERY EXRACT" });
    const small = SearchIndex.build(new Dictionary([right, misprint]));
    assert.deepEqual(
      small.search("extract").hits.map((h) => h.ingredient),
      [right],
    );
    assert.equal(small.search("exract").hits[0]?.ingredient, misprint);
  });
});

describe("incremental update", () => {
  it("replaces only what changed, and forgets what it answered before", () => {
    const water = makeIngredient({ inci: "AQUA", aliases: [{ name: "Water", kind: "us-inci" }] });
    const salt = makeIngredient({ inci: "SODIUM CHLORIDE", cas: ["7647-14-5"] });
    const small = SearchIndex.build(new Dictionary([water, salt]));
    assert.equal(small.search("water").hits[0]?.ingredient, water);
    assert.deepEqual(small.update(new Dictionary([water, salt])).replaced, 0);

    const renamed = { ...water, aliases: [{ name: "Eau", kind: "other" as const }] };
    const added = makeIngredient({ inci: "GLYCERIN", cas: ["56-81-5"] });
    const update = small.update(new Dictionary([renamed, added]));
    assert.deepEqual({ ...update, ms: 0 }, { added: 1, replaced: 1, removed: 1, ms: 0 });
    assert.equal(small.search("eau").hits[0]?.ingredient, renamed);
    assert.deepEqual(small.search("water").hits, []);
    assert.deepEqual(small.suggest("wat"), []);
    assert.deepEqual(small.search("7647-14-5").hits, []);
    assert.equal(small.search("56-81-5").hits[0]?.ingredient, added);
    assert.equal(small.suggest("glyc")[0]?.ingredient, added);
    assert.equal(small.size, 2);
  });

  it("hands out the new version of an ingredient whose names did not change", () => {
    const before = makeIngredient({ inci: "SQUALANE", functions: ["Emollient"] });
    const small = SearchIndex.build(new Dictionary([before]));
    assert.equal(small.suggest("squal")[0]?.ingredient, before);
    const after = { ...before, functions: ["Emollient", "Skin Conditioning"] };
    assert.equal(small.update(new Dictionary([after])).replaced, 0);
    assert.equal(small.search("squalane").hits[0]?.ingredient, after);
    assert.equal(small.search("squal").hits[0]?.ingredient, after);
    assert.equal(small.suggest("squal")[0]?.ingredient, after);
    assert.equal(small.all()[0], after);
  });
});

after(() => {
  ingredients = [];
});
