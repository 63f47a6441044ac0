import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb, type WebTest } from "../../test/web.js";
import { importCosingRows } from "../importers/cosing-import.js";
import { parseCosingInventory } from "../importers/cosing-parse.js";
import { loadDictionary } from "../ingredients/service.js";

const COSING = ["inci_name,cas_number,einecs_number,function", "ZZ IMPORTED ONLY,,,Emollient"].join("\n");

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;

/**
 * A strict well-formedness check for the XML we write: one root element, tags balanced, attribute
 * values quoted, no raw "<" or stray "&" in text. Returns the root element's name.
 */
function assertWellFormedXml(xml: string): string {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  const stack: string[] = [];
  let root = "";
  for (const token of body.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!token.startsWith("<")) {
      assert.ok(stack.length > 0 || token.trim() === "", `text outside the root: ${token.slice(0, 40)}`);
      assert.doesNotMatch(token.replace(ENTITY, ""), /[&<]/, `unescaped text: ${token.slice(0, 60)}`);
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
    assert.ok(tag, `malformed tag: ${token}`);
    const [, closing, name, attributes, selfClosing] = tag as unknown as string[];
    assert.doesNotMatch((attributes ?? "").replace(ENTITY, ""), /&/, `unescaped attribute: ${token}`);
    if (closing) assert.equal(stack.pop(), name, `mismatched </${name}>`);
    else {
      if (stack.length === 0) {
        assert.equal(root, "", "a second root element");
        root = name as string;
      }
      if (!selfClosing) stack.push(name as string);
    }
  }
  assert.deepEqual(stack, [], "unclosed elements");
  return root;
}

async function get(web: () => WebTest, url: string, headers: Record<string, string> = {}) {
  return web().app.inject({ method: "GET", url, headers });
}

describeEachWeb("sitemap, feed, robots.txt and OpenSearch", (web) => {
  before(async () => {
    const { ctx } = web();
    await importCosingRows(ctx.database.db, parseCosingInventory(COSING).rows);
    ctx.dictionary = await loadDictionary(ctx.database);
    ctx.pages.clear();
  });

  it("sitemap.xml: valid XML with the site's pages and every authored entry with its lastmod", async () => {
    const response = await get(web, "/sitemap.xml");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^application\/xml/);
    assert.equal(assertWellFormedXml(response.body), "urlset");
    const base = web().ctx.config.publicUrl;
    for (const path of ["/", "/methodology", "/ingredients", "/functions", "/functions/solvent"]) {
      assert.ok(response.body.includes(`<loc>${base}${path}</loc>`), path);
    }
    assert.ok(response.body.includes(`<loc>${base}/ingredients?letter=a</loc>`));
    assert.match(
      response.body,
      /<url><loc>[^<]+\/ingredients\/aqua<\/loc><lastmod>\d{4}-\d\d-\d\dT[^<]+<\/lastmod><\/url>/,
    );
    assert.match(
      response.body,
      /\/ingredients\/sodium-lauryl-sulfate</,
      "facts-only corpus entries are listed",
    );
    assert.doesNotMatch(response.body, /zz-imported-only/, "imported-only pages are not listed");
    const again = await get(web, "/sitemap.xml", { "if-none-match": String(response.headers.etag) });
    assert.equal(again.statusCode, 304);
  });

  it("feed.xml: a valid Atom feed of recently updated articles", async () => {
    const response = await get(web, "/feed.xml");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^application\/atom\+xml/);
    assert.equal(assertWellFormedXml(response.body), "feed");
    const xml = response.body;
    assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    for (const element of ["id", "title", "updated", "author"]) assert.match(xml, new RegExp(`<${element}>`));
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    assert.ok(entries.length > 0 && entries.length <= 50, `${entries.length} entries`);
    for (const entry of entries) {
      assert.match(entry, /<id>[^<]+#revision-\d+<\/id>/);
      assert.match(entry, /<title>[^<]+<\/title>/);
      assert.match(entry, /<link rel="alternate" type="text\/html" href="[^"]+\/ingredients\/[a-z0-9-]+"\/>/);
      assert.ok(!Number.isNaN(Date.parse(/<updated>([^<]+)<\/updated>/.exec(entry)?.[1] ?? "")));
      assert.match(entry, /<summary type="text">[^<]+<\/summary>/);
    }
    assert.doesNotMatch(xml, /sodium-lauryl-sulfate/, "facts-only entries are not articles");
  });

  it("robots.txt: the sitemap, and no crawling of the API, searches or decoded lists", async () => {
    const response = await get(web, "/robots.txt");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/plain/);
    assert.match(response.body, /^User-agent: \*$/m);
    for (const path of ["/api/", "/search", "/decode"])
      assert.match(response.body, new RegExp(`^Disallow: ${path}$`, "m"));
    assert.match(response.body, /^Sitemap: http:\/\/\S+\/sitemap\.xml$/m);
    assert.match(String(response.headers["cache-control"]), /public/);
  });

  it("opensearch.xml: a search engine description pointing at /search", async () => {
    const response = await get(web, "/opensearch.xml");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^application\/opensearchdescription\+xml/);
    assert.equal(assertWellFormedXml(response.body), "OpenSearchDescription");
    assert.match(response.body, /template="http:\/\/[^"]+\/search\?q=\{searchTerms\}"/);
  });
});
