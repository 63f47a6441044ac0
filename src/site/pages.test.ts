import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb, type WebTest } from "../../test/web.js";
import { importCosingRows } from "../importers/cosing-import.js";
import { parseCosingInventory } from "../importers/cosing-parse.js";
import { loadDictionary } from "../ingredients/service.js";

// 150 imported-only names under "Z" with a common function: enough for two browse pages.
const IMPORTED = 150;
const COSING = [
  "inci_name,cas_number,einecs_number,function",
  ...Array.from(
    { length: IMPORTED },
    (_, n) => `ZZ TEST COMPOUND ${String(n + 1).padStart(3, "0")},,,Skin Conditioning`,
  ),
].join("\n");

async function get(web: () => WebTest, url: string) {
  return web().app.inject({ method: "GET", url });
}

function listItems(html: string): string[] {
  const list = /<ol class="ingredient-list"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  return list.match(/<li>[\s\S]*?<\/li>/g) ?? [];
}

describeEachWeb("site pages", (web) => {
  before(async () => {
    const { ctx } = web();
    await importCosingRows(ctx.database.db, parseCosingInventory(COSING).rows);
    ctx.dictionary = await loadDictionary(ctx.database);
    ctx.pages.clear();
  });

  it("home: search, decoder, recent articles, browse links, newsletter", async () => {
    const response = await get(web, "/");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<form action="\/search" method="get"[^>]*>[\s\S]*?<label for="home-q">/);
    assert.match(html, /<input id="home-q" name="q" type="search"/);
    assert.match(
      html,
      /<form action="\/decode" method="get">\s*<label for="home-text">[^<]+<\/label><textarea id="home-text" name="text"/,
    );
    const recent = html.slice(html.indexOf("Recently updated articles"));
    assert.ok((recent.match(/href="\/ingredients\/[a-z0-9-]+"/g) ?? []).length >= 5);
    for (const href of ["/ingredients", "/functions", "/methodology"])
      assert.match(html, new RegExp(`href="${href}"`));
    assert.match(html, /class="newsletter"/);
    assert.match(String(response.headers.etag), /^"/);
  });

  it("A-Z: the letters and the full articles", async () => {
    const html = (await get(web, "/ingredients")).body;
    assert.match(html, /<nav class="letters" aria-label="Letters">/);
    assert.match(html, /href="\/ingredients\?letter=a"/);
    assert.match(html, /<a href="\/ingredients\/aqua">Water<\/a>/);
    assert.doesNotMatch(html, /zz-test-compound/);
  });

  it("a letter: its ingredients by name, articles marked, paginated by 100", async () => {
    const s = await get(web, "/ingredients?letter=s");
    assert.match(
      s.body,
      /<a href="\/ingredients\/salicylic-acid">Salicylic Acid<\/a><span class="badge">article<\/span>/,
    );
    const first = await get(web, "/ingredients?letter=z");
    assert.equal(first.statusCode, 200);
    const items = listItems(first.body);
    assert.equal(items.length, 100);
    assert.match(first.body, /<a href="\/ingredients\?letter=z&amp;page=2" rel="next">/);
    assert.match(first.body, /page 1 of 2/);
    const second = await get(web, "/ingredients?letter=z&page=2");
    assert.equal(second.statusCode, 200);
    const rest = listItems(second.body);
    assert.ok(rest.length >= IMPORTED - 100 && rest.length < 100);
    assert.match(rest.at(-1) ?? "", /zz-test-compound-150/);
    assert.match(second.body, /<ol class="ingredient-list" start="101">/);
    assert.equal((await get(web, "/ingredients?letter=z&page=3")).statusCode, 404);
  });

  it("rejects a bad browse query with 400", async () => {
    for (const url of [
      "/ingredients?letter=zz",
      "/ingredients?letter=a&page=0",
      "/ingredients?letter=a&page=two",
      "/ingredients?page=2",
      "/ingredients?sort=name",
      "/functions?page=2",
      "/functions/skin-conditioning?page=-1",
    ]) {
      const response = await get(web, url);
      assert.equal(response.statusCode, 400, url);
      assert.match(String(response.headers["content-type"]), /text\/html/, url);
    }
  });

  it("functions: every function with its count, and one function's ingredients, articles first", async () => {
    const all = await get(web, "/functions");
    assert.equal(all.statusCode, 200);
    const count =
      /<a href="\/functions\/skin-conditioning">Skin Conditioning<\/a> <span class="muted">(\d+)<\/span>/.exec(
        all.body,
      );
    assert.ok(Number(count?.[1]) > 100, "Skin Conditioning counts the imported names");
    const page1 = await get(web, "/functions/skin-conditioning");
    const items = listItems(page1.body);
    assert.equal(items.length, 100);
    assert.match(items[0] ?? "", /class="badge">article/);
    assert.match(page1.body, /href="\/functions\/skin-conditioning\?page=2" rel="next"/);
    const page2 = listItems((await get(web, "/functions/skin-conditioning?page=2")).body);
    assert.ok(
      page2.every((li) => !li.includes("badge")),
      "articles come first",
    );
    assert.equal((await get(web, "/functions/no-such-function")).statusCode, 404);
  });

  it("methodology: the document with its citations numbered against the bibliography", async () => {
    const response = await get(web, "/methodology");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<h1>How INCI Atlas works<\/h1>/);
    assert.match(html, /<a href="#source-1" aria-label="Source 1">\[1\]<\/a>/);
    assert.match(html, /<li id="source-1"><span class="source-author">European Commission<\/span>/);
    assert.match(html, /Kligman AM, Mills OH<\/span> \(1972\)/);
    assert.doesNotMatch(html, /\[cosing\]|\[kligman-mills-1972\]/);
    // The document's own "Sources" list is replaced by the numbered one: one Sources heading.
    assert.equal(html.match(/>Sources<\/h2>/g)?.length, 1);
  });
});
