import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { editorBrowser } from "../articles/factories.js";

// Page cache ON: the corrections page and the article pages are cached, and a publish must refresh them.
describeEachWeb(
  "the public corrections log",
  (web) => {
    const browser = editorBrowser(web);
    let ana: Awaited<ReturnType<typeof browser.signedIn>>;
    const get = (url: string) => web().app.inject({ method: "GET", url });

    before(async () => {
      ana = await browser.signedIn("ana@example.org", "editor");
    });

    it("is empty until a correction is published; an article without corrections shows none", async () => {
      const page = await get("/corrections");
      assert.equal(page.statusCode, 200);
      assert.match(page.headers["cache-control"] as string, /public/);
      assert.match(page.body, /No correction has been published yet/);
      assert.doesNotMatch((await get("/ingredients/squalane")).body, /id="corrections"/);
      assert.equal((await get("/corrections?page=2")).statusCode, 404);
      assert.equal((await get("/corrections?secret=1")).statusCode, 400);
    });

    it("lists corrections newest first with article, date and note; other edits are not corrections", async () => {
      const first = await ana.submit("squalane", "publish", (f) => {
        f.set("productTypes", `${f.get("productTypes")}\nlip balms`);
        f.set("note", "Squalane is also used in lip balms: the product types missed it");
        f.set("correction", "on");
      });
      assert.equal(first.statusCode, 303, first.body);
      const plain = await ana.submit("squalane", "publish", (f) => {
        f.set("section-summary", `${f.get("section-summary")} Thanks for reading.`);
        f.set("note", "A closing sentence");
      });
      assert.equal(plain.statusCode, 303);
      const second = await ana.submit("retinol", "publish", (f) => {
        f.set("section-summary", `${f.get("section-summary")} Use sunscreen by day.`);
        f.set("note", "The summary now says to use sunscreen, as the sun section does");
        f.set("correction", "on");
      });
      assert.equal(second.statusCode, 303);

      const page = await get("/corrections");
      const items = [...page.body.matchAll(/<li>(<a href="\/ingredients\/[^"]+">[\s\S]*?)<\/li>/g)].map(
        (m) => m[1],
      );
      assert.equal(items.length, 2);
      assert.match(
        items[0] ?? "",
        /^<a href="\/ingredients\/retinol">Retinol<\/a>, <time datetime="[^"]+">[^<]+<\/time> \(revision 2\): The summary now says to use sunscreen/,
      );
      assert.match(
        items[1] ?? "",
        /^<a href="\/ingredients\/squalane">Squalane<\/a>,[\s\S]*\(revision 2\): Squalane is also used in lip balms/,
      );
      assert.doesNotMatch(page.body, /A closing sentence/);
    });

    it("shows each article's own corrections near its sources", async () => {
      const squalane = (await get("/ingredients/squalane")).body;
      const section = /<section id="corrections"[\s\S]*?<\/section>/.exec(squalane)?.[0] ?? "";
      assert.match(section, /<h2 id="corrections-title">Corrections<\/h2>/);
      assert.match(section, /\(revision 2\): Squalane is also used in lip balms/);
      assert.doesNotMatch(section, /retinol|A closing sentence/i);
      assert.ok(squalane.indexOf('id="sources"') < squalane.indexOf('id="corrections"'), "after the sources");
      assert.match(section, /<a href="\/corrections">All corrections<\/a>/);
    });
  },
  { pageCache: true },
);
