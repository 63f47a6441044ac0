import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachWeb } from "../../test/web.js";

describeEachWeb("ingredient API", (web) => {
  it("serves facts, sections and the published revision", async () => {
    const ok = await web().app.inject({ method: "GET", url: "/api/v1/ingredients/aqua" });
    assert.equal(ok.statusCode, 200);
    const body = ok.json();
    assert.equal(body.inci, "AQUA");
    assert.equal(body.revision.number, 1);
    assert.ok(Object.keys(body.sections).length >= 5);
    assert.equal(ok.headers["access-control-allow-origin"], "*");
  });

  it("redirects another spelling and an editor's old slug to the canonical one, like the pages", async () => {
    const upper = await web().app.inject({ method: "GET", url: "/api/v1/ingredients/AQUA" });
    assert.equal(upper.statusCode, 301);
    assert.equal(upper.headers.location, "/api/v1/ingredients/aqua");
    const glycerin = web().ctx.dictionary.findBySlug("glycerin");
    await web()
      .ctx.database.db.insertInto("slug_redirects")
      .values({ old_slug: "old-glycerin-name", ingredient_id: glycerin?.id ?? 0 })
      .execute();
    const old = await web().app.inject({ method: "GET", url: "/api/v1/ingredients/old-glycerin-name" });
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, "/api/v1/ingredients/glycerin");
  });

  it("redirects an alias slug to the canonical one", async () => {
    const response = await web().app.inject({ method: "GET", url: "/api/v1/ingredients/water" });
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, "/api/v1/ingredients/aqua");
  });

  it("404s an unknown slug with a stable code", async () => {
    const missing = await web().app.inject({ method: "GET", url: "/api/v1/ingredients/no-such-thing" });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, "ingredient_not_found");
    const unknownRoute = await web().app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    assert.equal(unknownRoute.json().error.code, "not_found");
  });
});
