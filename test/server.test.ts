import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { boot, type Context } from "../src/boot.js";
import { buildServer } from "../src/server/app.js";
import { describeEachDatabase, type TestDatabase } from "./databases.js";

describeEachDatabase("minimal JSON API", (make) => {
  let test: TestDatabase;
  let ctx: Context;
  let app: FastifyInstance;
  before(async () => {
    test = await make();
    ctx = await boot({ database: test.config, port: 0, host: "127.0.0.1", logLevel: "silent" });
    app = buildServer(ctx, "silent");
  });
  after(async () => {
    await app.close();
    await ctx.close();
    await test.drop();
  });

  it("analyses a label with the CLI's JSON shape", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      payload: { text: "Water, Glycerin, Parfum", claims: ["fragrance-free"] },
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(
      body.entries.map((e: { inci: string }) => e.inci),
      ["AQUA", "GLYCERIN", "PARFUM"],
    );
    assert.equal(body.claims[0].holds, false);
  });

  it("answers a bad shape with 400 and a stable code", async () => {
    const response = await app.inject({ method: "POST", url: "/api/v1/analyze", payload: { text: 5 } });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, "bad_input");
    const unknownField = await app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      payload: { text: "x", extra: 1 },
    });
    assert.equal(unknownField.statusCode, 400);
  });

  it("answers a too-long label with 413", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      payload: { text: "a".repeat(1_000_001) },
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error.code, "label_too_long");
  });

  it("serves an ingredient's facts and 404s an unknown slug", async () => {
    const ok = await app.inject({ method: "GET", url: "/api/v1/ingredients/aqua" });
    assert.equal(ok.json().inci, "AQUA");
    const missing = await app.inject({ method: "GET", url: "/api/v1/ingredients/no-such-thing" });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, "ingredient_not_found");
  });
});
