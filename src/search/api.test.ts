import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachWeb } from "../../test/web.js";

const ITEM_KEYS = ["functions", "hasArticle", "inci", "matchedName", "name", "slug"];
const SUGGESTION_KEYS = ["inci", "matchedName", "name", "slug"];

describeEachWeb("search API", (web) => {
  const get = async (url: string) => {
    const response = await web().app.inject({ method: "GET", url });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };
  const badInput = async (url: string, field: string) => {
    const { status, body } = await get(url);
    assert.equal(status, 400, url);
    assert.equal(body.error.code, "bad_input", url);
    assert.equal(body.error.field, field, url);
  };

  it("searches by typo, alias, CI number, CAS and EC number, best match first", async () => {
    for (const [q, slug, matched] of [
      ["niacinamde", "niacinamide", "NIACINAMIDE"],
      ["vitamin e", "tocopherol", "Vitamin E"],
      ["water", "aqua", "WATER"],
      ["CI 77891", "titanium-dioxide", "CI 77891"],
      ["56-81-5", "glycerin", "56-81-5"],
      ["200-289-5", "glycerin", "200-289-5"],
    ]) {
      const { status, body, headers } = await get(`/api/v1/ingredients?q=${encodeURIComponent(q as string)}`);
      assert.equal(status, 200, q);
      assert.equal(body.items[0].slug, slug, q);
      assert.equal(body.items[0].matchedName.toUpperCase(), (matched as string).toUpperCase(), q);
      assert.ok(body.total >= body.items.length, q);
      assert.equal(headers["access-control-allow-origin"], "*");
    }
  });

  it("answers the documented shape and nothing more", async () => {
    const { body } = await get("/api/v1/ingredients?q=glycerin");
    assert.deepEqual(Object.keys(body).sort(), ["items", "total"]);
    const glycerin = body.items[0];
    assert.deepEqual(Object.keys(glycerin).sort(), ITEM_KEYS);
    assert.equal(glycerin.inci, "GLYCERIN");
    assert.equal(glycerin.hasArticle, true);
    assert.ok(glycerin.functions.includes("Humectant"));
  });

  it("pages through results with limit and offset, and counts them all", async () => {
    const all = (await get("/api/v1/ingredients?q=sodium&limit=100")).body;
    assert.ok(all.total >= 3);
    assert.equal(all.items.length, all.total);
    const page = (await get("/api/v1/ingredients?q=sodium&limit=2&offset=1")).body;
    assert.equal(page.total, all.total);
    assert.deepEqual(page.items, all.items.slice(1, 3));
    const past = (await get("/api/v1/ingredients?q=sodium&offset=500")).body;
    assert.deepEqual(past, { items: [], total: all.total });
  });

  it("lists every ingredient by INCI name without q (20 by default)", async () => {
    const { body } = await get("/api/v1/ingredients");
    assert.equal(body.total, web().ctx.dictionary.size);
    assert.equal(body.items.length, 20);
    const incis = body.items.map((i: { inci: string }) => i.inci);
    assert.deepEqual(incis, [...incis].sort());
    const blank = (await get("/api/v1/ingredients?q=%20%20&limit=100&offset=20")).body;
    assert.equal(blank.total, body.total);
    assert.equal(blank.items[0].inci > incis[19], true);
  });

  it("answers an empty list for a query that matches nothing", async () => {
    const { status, body } = await get("/api/v1/ingredients?q=qqqzzzxxx");
    assert.equal(status, 200);
    assert.deepEqual(body, { items: [], total: 0 });
  });

  it("refuses bad input with 400 bad_input and the field", async () => {
    await badInput("/api/v1/ingredients?limit=0", "limit");
    await badInput("/api/v1/ingredients?limit=101", "limit");
    await badInput("/api/v1/ingredients?limit=ten", "limit");
    await badInput("/api/v1/ingredients?offset=-1", "offset");
    await badInput(`/api/v1/ingredients?q=${"a".repeat(201)}`, "q");
    await badInput("/api/v1/ingredients?q=a&q=b", "q");
    const unknown = await get("/api/v1/ingredients?sort=name");
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, "bad_input");
  });

  it("suggests names for what is being typed", async () => {
    const { status, body } = await get("/api/v1/suggest?q=niac");
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ["items"]);
    assert.equal(body.items[0].slug, "niacinamide");
    assert.deepEqual(Object.keys(body.items[0]).sort(), SUGGESTION_KEYS);
    assert.equal((await get("/api/v1/suggest?q=vitamin%20e")).body.items[0].slug, "tocopherol");
    assert.equal((await get("/api/v1/suggest?q=56-81")).body.items[0].slug, "glycerin");
    assert.ok((await get("/api/v1/suggest?q=s")).body.items.length <= 8);
    assert.ok((await get("/api/v1/suggest?q=s&limit=20")).body.items.length > 8);
    assert.equal((await get("/api/v1/suggest?q=s&limit=2")).body.items.length, 2);
    assert.deepEqual((await get("/api/v1/suggest?q=qqqzzzxxx")).body, { items: [] });
  });

  it("sends suggestions uncompressed: they are small and must be fast", async () => {
    const response = await web().app.inject({
      method: "GET",
      url: "/api/v1/suggest?q=s&limit=20",
      headers: { "accept-encoding": "br, gzip" },
    });
    assert.equal(response.statusCode, 200);
    assert.ok(response.body.length > 1024, "big enough to be compressed otherwise");
    assert.equal(response.headers["content-encoding"], undefined);
  });

  it("refuses bad suggest input with 400 bad_input and the field", async () => {
    await badInput("/api/v1/suggest", "q");
    await badInput("/api/v1/suggest?q=", "q");
    await badInput(`/api/v1/suggest?q=${"a".repeat(201)}`, "q");
    await badInput("/api/v1/suggest?q=a&limit=21", "limit");
    await badInput("/api/v1/suggest?q=a&limit=0", "limit");
  });

  it("documents both endpoints in the OpenAPI document under the search tag", async () => {
    const { body } = await get("/openapi.json");
    for (const path of ["/api/v1/ingredients", "/api/v1/suggest"]) {
      assert.deepEqual(body.paths[path].get.tags, ["search"], path);
    }
    const params = body.paths["/api/v1/suggest"].get.parameters.map((p: { name: string }) => p.name);
    assert.deepEqual(params.sort(), ["limit", "q"]);
  });
});

describeEachWeb(
  "search API rate limit",
  (web) => {
    it("answers 429 too_many_requests past the per-minute limit", async () => {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await web().app.inject({ method: "GET", url: "/api/v1/suggest?q=aqua" });
        codes.push(response.statusCode);
        if (response.statusCode === 429) assert.equal(response.json().error.code, "too_many_requests");
      }
      assert.deepEqual(codes, [200, 200, 200, 429]);
    });
  },
  { apiRateLimit: 3 },
);
