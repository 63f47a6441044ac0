import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb, type WebTest } from "../../test/web.js";
import { importAnnexRows } from "../importers/annex-import.js";
import { parseAnnex } from "../importers/annex-parse.js";
import { importCosingRows } from "../importers/cosing-import.js";
import { parseCosingInventory } from "../importers/cosing-parse.js";
import { loadDictionary } from "./service.js";

const REFERENCE = "/ingredients/human-amniotic-membrane-stem-cell-conditioned-media";

// An ingredient known only from an imported inventory, with markup in its name and description.
const COSING = [
  "COSING Ref No,INCI name,INN name,Ph. Eur. Name,CAS No,EC No,Chem/IUPAC Name / Description,Restriction,Function,Update Date",
  '99001,"INCI ATLAS TEST <B> ESTER",,,99999-99-9,,"A test ester <i>made up</i> & stored","II/999","EMOLLIENT, SKIN CONDITIONING",01/01/2020',
].join("\n");
const ANNEX_II = [
  '"ANNEX II","Last update: 08/12/2025"',
  '"Reference Number","Chemical name / INN","CAS Number","EC Number",Regulation,"Other Directives/Regulations","SCCS opinions","Chemical/IUPAC Name","Identified INGREDIENTS or substances e.g.",CMR,"Update Date"',
  '999,"Inci Atlas test ester (test row)",99999-99-9,-,"(EC) 2009/1223",,,,,,15/10/2010',
].join("\n");

async function get(web: () => WebTest, url: string, headers: Record<string, string> = {}) {
  return web().app.inject({ method: "GET", url, headers });
}

/** Every needle appears, each after the one before it. */
function assertInOrder(html: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = html.indexOf(needle, from);
    assert.ok(at >= 0, `"${needle}" missing or out of order`);
    from = at + needle.length;
  }
}

describeEachWeb("ingredient pages", (web) => {
  before(async () => {
    const { ctx } = web();
    await importCosingRows(ctx.database.db, parseCosingInventory(COSING).rows);
    await importAnnexRows(ctx.database.db, "II", parseAnnex(ANNEX_II).rows);
    ctx.dictionary = await loadDictionary(ctx.database);
    ctx.pages.clear();
  });

  it("shows every part of the reference article, in order", async () => {
    const response = await get(web, REFERENCE);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assertInOrder(html, [
      "<h1>Human Amniotic Membrane Stem Cell Conditioned Media: What It Is, Cosmetic Uses, Benefits &amp; Side Effects</h1>",
      "Updated on <time",
      "revision 1",
      'href="mailto:?subject=',
      'class="provenance"',
      "Inside this article",
      'href="#what-is-it"',
      'href="#summary"',
      'href="#facts"',
      'href="#sources"',
      'id="what-is-it"',
      ">What is it</h2>",
      ">Cosmetic benefits/uses</h2>",
      ">Who can use it</h2>",
      'class="not-advice"',
      ">Potential side effects</h2>",
      ">Comedogenic rating</h2>",
      "<strong>0 / 5</strong>",
      "non-comedogenic",
      'role="img" aria-label="Comedogenic rating 0 out of 5 (non-comedogenic), estimated"',
      'href="/methodology',
      ">EU status</h2>",
      ">Summary</h2>",
      'id="facts"',
      "Prohibited (Annex II, entry 416)",
      "Cells, tissues or products of human origin",
      'id="sources"',
      '<li id="source-1">',
      "CosIng",
      '<li id="source-2">',
      "Regulation (EC) No 1223/2009",
      "Was this article helpful?",
      "More from INCI Atlas",
      'href="/ingredients/sodium-hyaluronate"',
      'href="/ingredients/glycerin"',
      'href="/ingredients/aqua"',
      'class="newsletter"',
    ]);
    assert.match(html, /data-slug="human-amniotic-membrane-stem-cell-conditioned-media"/);
    const related = html.slice(html.indexOf("More from INCI Atlas")).split('class="newsletter"')[0] ?? "";
    const links = related.match(/href="\/ingredients\//g) ?? [];
    assert.ok(links.length >= 6 && links.length <= 8, `${links.length} related links`);
  });

  it("writes JSON-LD (an Article about a Thing) and Open Graph", async () => {
    const html = (await get(web, REFERENCE)).body;
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    assert.ok(json, "no JSON-LD");
    const data = JSON.parse(json);
    assert.equal(data["@type"], "Article");
    assert.match(data.headline, /^Human Amniotic Membrane Stem Cell Conditioned Media: What It Is/);
    assert.deepEqual(data.about["@type"], "Thing");
    assert.ok(!Number.isNaN(Date.parse(data.dateModified)));
    assert.match(html, /<meta property="og:type" content="article"\/>/);
  });

  it("answers 301 for an alias, another spelling or an old slug", async () => {
    const alias = await get(web, "/ingredients/water");
    assert.equal(alias.statusCode, 301);
    assert.equal(alias.headers.location, "/ingredients/aqua");
    const upper = await get(web, "/ingredients/AQUA");
    assert.equal(upper.headers.location, "/ingredients/aqua");
    const { ctx } = web();
    const aqua = ctx.dictionary.findBySlug("aqua");
    assert.ok(aqua);
    await ctx.database.db
      .insertInto("slug_redirects")
      .values({ old_slug: "aqua-old", ingredient_id: aqua.id })
      .execute();
    const moved = await get(web, "/ingredients/aqua-old");
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, "/ingredients/aqua");
  });

  it("shows a helpful 404 page for an unknown slug", async () => {
    const response = await get(web, "/ingredients/no-such-ingredient-anywhere");
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers["content-type"]), /text\/html/);
    assert.match(response.body, /Page not found/);
    assert.match(response.body, /href="\/ingredients"/);
  });

  it("gives an imported-only ingredient an honest facts-only page, escaped", async () => {
    const response = await get(web, "/ingredients/inci-atlas-test-b-ester");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /We have not written an article about this ingredient yet/);
    assert.match(html, /<meta name="robots" content="noindex, follow"\/>/);
    assertInOrder(html, [
      'id="facts"',
      "INCI ATLAS TEST &lt;B> ESTER",
      "Skin Conditioning",
      "Annex II, entry 999",
    ]);
    // Preact escapes "<" and "&" in text (">" alone cannot open a tag).
    assert.match(html, /A test ester &lt;i>made up&lt;\/i> &amp; stored/);
    assert.doesNotMatch(html, /<b>|<i>made/i);
    assert.doesNotMatch(html, /Inside this article|>What is it<|Updated on/);
    assert.match(html, /<li id="source-1">.*CosIng/);
    assert.match(html, /Was this article helpful\?/);
  });

  it("shows an editor-checked entry without an article as facts with its rating", async () => {
    const html = (await get(web, "/ingredients/sodium-lauryl-sulfate")).body;
    assert.match(html, /We have not written a full article about this ingredient yet/);
    assert.match(html, /Updated on <time/);
    assert.match(html, /id="comedogenic-rating"/);
    assert.doesNotMatch(html, /noindex/);
  });

  it("shows Annex V with its maximum in the facts panel", async () => {
    const html = (await get(web, "/ingredients/phenoxyethanol")).body;
    assert.match(
      html,
      /Allowed preservative \(Annex V, entry 29\)<\/strong>: 2-Phenoxyethanol\. Maximum concentration: 1\.0 %/,
    );
  });

  it("renders a new revision escaped, with its citations numbered against the sources", async () => {
    const { ctx } = web();
    const limonene = ctx.dictionary.findBySlug("limonene");
    assert.ok(limonene);
    const sections = {
      "What is it":
        "A citrus terpene [cosing]. <script>alert(1)</script> [evil](javascript:alert(1)) [not-a-key]",
      Summary: "Still a citrus terpene [reg-1223-2009].",
    };
    await ctx.database.db
      .insertInto("revisions")
      .values({
        ingredient_id: limonene.id,
        number: 2,
        facts: "{}",
        sections: JSON.stringify(sections),
        author: "test",
        note: "Test revision",
        is_correction: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    const html = (await get(web, "/ingredients/limonene")).body;
    assert.match(html, /revision 2/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /<script>alert|href="javascript:/);
    assert.match(html, /\[not-a-key\]/);
    const cosing = /<a href="#source-(\d+)" aria-label="Source \d+">\[\d+\]<\/a><\/sup>\. &lt;script/.exec(
      html,
    );
    assert.equal(cosing?.[1], "1");
    assert.match(html, /<li id="source-1"><span class="source-author">European Commission<\/span>/);
  });

  it("sends ETag and Cache-Control, and 304 for a matching If-None-Match", async () => {
    const first = await get(web, "/ingredients/aqua");
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers["cache-control"]), /public, max-age=\d+/);
    const etag = String(first.headers.etag);
    assert.ok(etag.length > 2);
    const again = await get(web, "/ingredients/aqua", { "if-none-match": etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
  });

  it("validates each compressed form of a page by its own ETag", async () => {
    const br = await get(web, "/ingredients/aqua", { "accept-encoding": "br" });
    const gzip = await get(web, "/ingredients/aqua", { "accept-encoding": "gzip" });
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(gzip.headers["content-encoding"], "gzip");
    assert.notEqual(br.headers.etag, gzip.headers.etag);
    const brAgain = await get(web, "/ingredients/aqua", {
      "accept-encoding": "br",
      "if-none-match": String(br.headers.etag),
    });
    assert.equal(brAgain.statusCode, 304);
    // A gzip client holding the brotli form's validator gets the full gzip page.
    const crossed = await get(web, "/ingredients/aqua", {
      "accept-encoding": "gzip",
      "if-none-match": String(br.headers.etag),
    });
    assert.equal(crossed.statusCode, 200);
    assert.equal(crossed.headers.etag, gzip.headers.etag);
  });

  it("lists every CosIng function with its count in the API", async () => {
    const response = await get(web, "/api/v1/functions");
    assert.equal(response.statusCode, 200);
    const items = response.json().items as Array<{ name: string; slug: string; count: number }>;
    const protecting = items.find((f) => f.slug === "skin-protecting");
    assert.equal(protecting?.name, "Skin Protecting");
    assert.ok((protecting?.count ?? 0) >= 1);
    assert.ok(items.every((f) => Object.keys(f).sort().join() === "count,name,slug"));
    const bad = await get(web, "/api/v1/functions?x=1");
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, "bad_input");
  });
});
