import assert from "node:assert/strict";
import { it } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describeEachWeb } from "../../test/web.js";

describeEachWeb("decoder API", (web) => {
  it("analyses a label with the CLI's JSON shape", async () => {
    const response = await web().app.inject({
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

  it("answers a bad shape with 400, a stable code and the field", async () => {
    const wrongType = await web().app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      payload: { text: 5 },
    });
    assert.equal(wrongType.statusCode, 400);
    assert.equal(wrongType.json().error.code, "bad_input");
    assert.equal(wrongType.json().error.field, "text");
    const unknownField = await web().app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      payload: { text: "x", extra: 1 },
    });
    assert.equal(unknownField.statusCode, 400);
    assert.equal(unknownField.json().error.code, "bad_input");
    const notJson = await web().app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json().error.code, "bad_input");
  });

  it("refuses a label over 20,000 characters with 413 label_too_long", async () => {
    const response = await web().app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      payload: { text: "a, ".repeat(7000) },
    });
    assert.equal(response.statusCode, 413);
    assert.deepEqual(
      { code: response.json().error.code, field: response.json().error.field },
      { code: "label_too_long", field: "text" },
    );
    const huge = await web().app.inject({
      method: "POST",
      url: "/api/v1/analyze",
      payload: { text: "a".repeat(200_000) },
    });
    assert.equal(huge.statusCode, 413);
    assert.equal(huge.json().error.code, "too_large");
  });

  it("compares two lists by slug", async () => {
    const response = await web().app.inject({
      method: "POST",
      url: "/api/v1/compare",
      payload: { a: "Water, Glycerin, Parfum", b: "Aqua, Niacinamide, Glycerin" },
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(body.shared, ["aqua", "glycerin"]);
    assert.deepEqual(body.onlyA, ["parfum"]);
    assert.deepEqual(body.onlyB, ["niacinamide"]);
    assert.equal(body.a.entries.length, 3);
    const missing = await web().app.inject({ method: "POST", url: "/api/v1/compare", payload: { a: "x" } });
    assert.equal(missing.json().error.field, "b");
  });

  it("compresses a JSON answer for a client that accepts brotli or gzip", async () => {
    const text = Array.from({ length: 40 }, () => "Aqua, Glycerin, Parfum").join(", ");
    for (const [accept, decode] of [
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const) {
      const response = await web().app.inject({
        method: "POST",
        url: "/api/v1/analyze",
        headers: { "accept-encoding": accept },
        payload: { text },
      });
      assert.equal(response.headers["content-encoding"], accept);
      const body = JSON.parse(decode(response.rawPayload).toString("utf8"));
      assert.equal(body.entries.length, 120);
    }
  });
});
