import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeEachWeb, type WebTest } from "../../test/web.js";
import { RULES } from "../analyzer/rules/index.js";
import { concernsOf, PROFILES } from "./vocabulary.js";

const LABEL =
  "Ingredients: Water (Aqua), Glycerin, Parfum, Limonene, Niacinamde, Retinol, Zorbaxium Floof. May contain: CI 77891. *organic";

function decodeUrl(text: string, claims: string[] = []): string {
  const query = new URLSearchParams({ text });
  for (const c of claims) query.append("claims", c);
  return `/decode?${query}`;
}

async function get(web: () => WebTest, url: string) {
  return web().app.inject({ method: "GET", url });
}

/** The HTML of the element with this id, up to the next element with an id at the same depth: enough to scope an assertion. */
function between(html: string, from: string, to: string): string {
  const start = html.indexOf(from);
  assert.ok(start >= 0, `${from} is on the page`);
  const end = html.indexOf(to, start + from.length);
  return html.slice(start, end < 0 ? undefined : end);
}

describe("profile mapping", () => {
  it("names only rule ids that exist", () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const profile of PROFILES) for (const rule of profile.rules) assert.ok(ids.has(rule), rule);
    assert.equal(concernsOf("comedogenic"), "acne-prone");
    assert.equal(concernsOf("eu-colorant"), "");
  });
});

describeEachWeb("decoder pages", (web) => {
  it("serves the empty form with claim boxes and a profile that cannot be submitted", async () => {
    const response = await get(web, "/decode");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["cache-control"]), /max-age=60/);
    const html = response.body;
    assert.match(html, /<textarea[^>]*name="text"[^>]*maxlength="20000"/);
    assert.match(html, /<label for="decode-text">/);
    assert.match(html, /name="claims" value="fragrance-free"/);
    assert.match(html, /never sent to INCI Atlas or stored on our server/);
    const profileInputs = html.match(/<input[^>]*data-profile=[^>]*>/g) ?? [];
    assert.equal(profileInputs.length, 6);
    for (const input of profileInputs) assert.doesNotMatch(input, /\sname=/);
    const form = between(html, '<form id="decoder-form"', "</form>");
    assert.doesNotMatch(form, /data-profile=/, "the profile sits outside the form");
  });

  it("decodes a list: entries by group, links, match kinds, flags with rule ids and sources, claims", async () => {
    const response = await get(web, decodeUrl(LABEL, ["fragrance-free", "vegan"]));
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["cache-control"], "public, max-age=30");
    const html = response.body;
    assert.match(html, /<caption>Ingredients<\/caption>/);
    assert.match(html, /<caption>May contain<\/caption>/);
    assert.match(html, /<th scope="col">As written<\/th>/);
    assert.match(html, /<th scope="row" data-label="As written">Water \(Aqua\)<\/th>/);
    assert.match(html, /<a href="\/ingredients\/aqua">Water<\/a>/);
    assert.match(html, /fuzzy \(\d+ % confidence\)/);
    assert.match(html, /<td data-label="Matched">alias<\/td>/);
    const mayContain = between(html, "<caption>May contain</caption>", "</table>");
    assert.match(mayContain, /\/ingredients\/titanium-dioxide/);
    const fragrance = between(html, 'id="flag-fragrance"', "</li></ul>");
    assert.match(fragrance, /data-rule="fragrance"/);
    assert.match(fragrance, /data-concerns="fragrance-sensitive sensitive-skin"/);
    assert.match(fragrance, /<code>fragrance<\/code>/);
    assert.match(fragrance, /<a href="\/ingredients\/parfum">/);
    assert.match(html, /Source: Regulation \(EC\) No 1223\/2009, Article 19\(1\)\(g\)/);
    assert.match(html, /id="flag-pregnancy-caution"[^>]*data-concerns="pregnant"/);
    assert.match(html, /<a href="#flag-fragrance">Fragrance<\/a>/);
    assert.match(html, /“fragrance-free”<\/strong>: does not hold, because:/);
    assert.match(html, /Left out of the list/);
    assert.match(html, /<meta name="robots" content="noindex"/);
  });

  it("shows an unrecognised name as unrecognised, and a claim it could not check", async () => {
    const html = (await get(web, decodeUrl("Water, Zorbaxium Floof", ["paraben-free"]))).body;
    const row = between(html, ">Zorbaxium Floof</th>", "</tr>");
    assert.match(row, /<em>unrecognised<\/em>/);
    assert.match(row, /not matched/);
    assert.doesNotMatch(row, /href="\/ingredients\//);
    assert.match(html, /holds for the ingredients we recognised/);
    assert.match(html, /Could not be checked/);
  });

  it("gives each product of a kit its own tables, and an empty list no results", async () => {
    const html = (await get(web, decodeUrl("Shade 1:\nWater, Glycerin\nShade 2:\nAqua, Parfum"))).body;
    assert.match(html, /<caption>Shade 1: Ingredients<\/caption>/);
    assert.match(html, /<caption>Shade 2: Ingredients<\/caption>/);
    const blank = await get(web, decodeUrl("   ", ["vegan"]));
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, /value="vegan" checked/);
    assert.doesNotMatch(blank.body, /What is in this list/);
  });

  it("answers a label over 20,000 characters with the decoder, a 413 and label_too_long", async () => {
    const response = await get(web, decodeUrl("a, ".repeat(7000)));
    assert.equal(response.statusCode, 413);
    assert.equal(response.headers["cache-control"], "no-store");
    assert.match(response.body, /Error code: label_too_long/);
    assert.match(response.body, /<form id="decoder-form"/);
    const fits = await get(web, decodeUrl("Water, ".repeat(2857)));
    assert.equal(fits.statusCode, 200, "19,999 characters fit");
  });

  it("escapes whatever the label holds", async () => {
    const attack = `<script>alert(1)</script>, "><img src=x onerror=alert(1)>, Glycerin`;
    const html = (await get(web, decodeUrl(attack))).body;
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script>/);
    const compare = (await get(web, `/compare?${new URLSearchParams({ a: attack, b: attack })}`)).body;
    assert.doesNotMatch(compare, /<script>alert|<img/);
  });

  it("answers bad query shapes with a 400 page and the code", async () => {
    const cases = [
      "/decode?text=a&text=b",
      `/decode?text=Water&claims=${"x".repeat(41)}`,
      "/decode?text=Water&claims=gluten-free",
      `/decode?text=Water&${Array.from({ length: 30 }, () => "claims=vegan").join("&")}`,
      "/compare?a=Water&a=Glycerin",
    ];
    for (const url of cases) {
      const response = await get(web, url);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.headers["content-type"] as string, /text\/html/);
      assert.match(response.body, /Error code: bad_input/, url);
    }
    const tracked = await get(web, "/decode?text=Water&utm_source=x");
    assert.equal(tracked.statusCode, 200, "a tracking parameter does not break a shared link");
  });

  it("compares two lists: shared, only in A, only in B, and the flags that differ", async () => {
    const empty = await get(web, "/compare");
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<label for="compare-a">List A<\/label>/);
    const query = new URLSearchParams({ a: "Water, Glycerin, Parfum", b: "Aqua, Niacinamide, Glycerin" });
    const response = await get(web, `/compare?${query}`);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    const shared = between(html, "In both (2)", "</section>");
    assert.match(shared, /\/ingredients\/aqua/);
    assert.match(shared, /\/ingredients\/glycerin/);
    assert.match(between(html, "Only in A (1)", "</section>"), /<a href="\/ingredients\/parfum">/);
    assert.match(between(html, "Only in B (1)", "</section>"), /<a href="\/ingredients\/niacinamide">/);
    assert.match(between(html, "Only list A raises:", "</ul>"), /<code>fragrance<\/code>/);
    assert.match(html, /id="a-flag-fragrance"/);
    assert.match(html, /<h2 id="list-b-h">List B<\/h2>/);
    const tooLong = await get(web, `/compare?${new URLSearchParams({ a: "x", b: "y".repeat(20_001) })}`);
    assert.equal(tooLong.statusCode, 413);
    assert.match(tooLong.body, /Error code: label_too_long/);
  });
});
