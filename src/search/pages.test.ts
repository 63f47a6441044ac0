import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { makeIngredient } from "../analyzer/rules/factories.js";
import { SHORT_CACHE } from "../web/http.js";
import { renderDocument } from "../web/render.js";
import type { SearchHit } from "./index.js";
import { SearchPage } from "./pages.js";

/** The ingredient links of the results list, in order. */
function resultSlugs(html: string): string[] {
  const list = /<ol class="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<h2><a href="\/ingredients\/([^"]+)"/g)].map((m) => m[1] as string);
}

describeEachWeb("search page", (web) => {
  const page = async (url: string) => {
    const response = await web().app.inject({ method: "GET", url });
    return { status: response.statusCode, html: response.body, headers: response.headers };
  };

  it("corrects a typo, shows the count and offers “did you mean”", async () => {
    const { status, html, headers } = await page("/search?q=niacinamde");
    assert.equal(status, 200);
    assert.match(String(headers["content-type"]), /text\/html/);
    assert.equal(headers["cache-control"], SHORT_CACHE);
    assert.equal(resultSlugs(html)[0], "niacinamide");
    assert.match(html, /Did you mean <a href="\/search\?q=NIACINAMIDE">NIACINAMIDE<\/a>/);
    assert.match(html, /\d+ ingredients? match/);
  });

  it("puts an exact alias match first without redirecting, and says which alias matched", async () => {
    const { status, html } = await page("/search?q=vitamin+e");
    assert.equal(status, 200);
    assert.equal(resultSlugs(html)[0], "tocopherol");
    assert.match(html, /Matched: Vitamin E/);
    assert.match(html, /exact match/);
    assert.doesNotMatch(html, /Did you mean/);
    const cas = await page("/search?q=56-81-5");
    assert.equal(resultSlugs(cas.html)[0], "glycerin");
    assert.match(cas.html, /Matched: 56-81-5/);
    assert.equal(resultSlugs((await page("/search?q=CI%2077891")).html)[0], "titanium-dioxide");
  });

  it("shows the INCI name and the functions of each result", async () => {
    const { html } = await page("/search?q=glycerin");
    assert.match(html, /INCI name: <span class="search-inci">GLYCERIN<\/span>/);
    assert.match(html, /Functions: [^<]*Humectant/);
  });

  it("explains an empty result with tips", async () => {
    const { status, html } = await page("/search?q=qqqzzzxxx");
    assert.equal(status, 200);
    assert.match(html, /No ingredient matches “qqqzzzxxx”/);
    assert.match(html, /href="\/decode"/);
    assert.deepEqual(resultSlugs(html), []);
  });

  it("shows the form and examples without a query", async () => {
    const { status, html } = await page("/search");
    assert.equal(status, 200);
    assert.match(html, /<input id="search-q" name="q" type="search"/);
    assert.match(html, /href="\/search\?q=niacinamde"/);
    assert.deepEqual(resultSlugs(html), []);
  });

  it("escapes the query wherever it is shown, with no inline script or style", async () => {
    const { html } = await page(`/search?q=${encodeURIComponent('<script>alert(1)</script>"')}`);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script>/);
    assert.doesNotMatch(html, / style="/);
    assert.doesNotMatch(html, /<script>(?!<\/script>)/);
  });

  it("shows the last page for a page number past the end", async () => {
    const all = resultSlugs((await page("/search?q=sodium")).html);
    const past = await page("/search?q=sodium&page=999");
    assert.equal(past.status, 200);
    assert.deepEqual(resultSlugs(past.html), all);
  });

  it("answers 400 for an over-long query or a bad page number, as an HTML page", async () => {
    for (const url of [`/search?q=${"a".repeat(201)}`, "/search?q=a&page=0", "/search?q=a&page=x"]) {
      const { status, html } = await page(url);
      assert.equal(status, 400, url);
      assert.match(html, /<!doctype html>/i, url);
    }
  });
});

describe("search page rendering", () => {
  const site = { publicUrl: "http://localhost", cssUrl: "/assets/site.css", jsUrl: "/assets/site.js" };
  const hits: SearchHit[] = Array.from({ length: 45 }, (_, i) => ({
    ingredient: makeIngredient({ inci: `TEST ESTER ${String(i + 1).padStart(2, "0")}` }),
    matchedName: `TEST ESTER ${String(i + 1).padStart(2, "0")}`,
    kind: "words",
  }));

  it("shows 20 results a page, numbered on, with links to the other pages", () => {
    const html = renderDocument(
      SearchPage({ site, q: "test ester", page: 2, results: { hits, didYouMean: null } }),
    );
    const shown = resultSlugs(html);
    assert.equal(shown.length, 20);
    assert.equal(shown[0], hits[20]?.ingredient.slug);
    assert.match(html, /<ol class="search-results" start="21">/);
    assert.match(html, /45 ingredients match “test ester”, page 2 of 3/);
    assert.match(html, /href="\/search\?q=test%20ester&amp;page=3" rel="next"/);
    assert.match(html, /href="\/search\?q=test%20ester" rel="prev"/);
  });
});
