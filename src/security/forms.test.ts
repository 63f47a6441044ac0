import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { AppError } from "../errors.js";
import { AltchaGuard } from "./altcha.js";
import { encodeSolution, FORM_TEST_CONFIG, formSession, solvedAltcha, solvedAltchaAt } from "./factories.js";
import { Signer } from "./signing.js";

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${error}`;
  }
  return "accepted";
}

describeEachWeb(
  "form security: CSRF token and ALTCHA",
  (web) => {
    it("hands out a CSRF token with its secret cookie, never cached, and the widget's files", async () => {
      const response = await web().app.inject({ method: "GET", url: "/api/v1/forms/token" });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["cache-control"], "no-store");
      const body = response.json();
      assert.equal(typeof body.csrfToken, "string");
      const cookie = response.cookies.find((c) => c.name === "_csrf");
      assert.ok(cookie?.httpOnly);
      assert.equal(cookie?.sameSite, "Strict");
      for (const url of [body.widget.script, body.widget.worker]) {
        assert.match(url, /^\/assets\/altcha[\w-]*\.[0-9a-f]{12}\.js$/);
        const file = await web().app.inject({ method: "GET", url });
        assert.equal(file.statusCode, 200);
        assert.match(String(file.headers["content-type"]), /javascript/);
      }
      const css = await web().app.inject({ method: "GET", url: body.widget.css });
      assert.match(String(css.headers["content-type"]), /text\/css/);
      assert.equal(body.widget.challenge, "/api/v1/altcha/challenge");
    });

    it("issues signed challenges at the configured cost, never cached", async () => {
      const response = await web().app.inject({ method: "GET", url: "/api/v1/altcha/challenge" });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["cache-control"], "no-store");
      const challenge = response.json();
      assert.equal(challenge.parameters.algorithm, "PBKDF2/SHA-256");
      assert.equal(challenge.parameters.cost, 1);
      assert.match(challenge.signature, /^[0-9a-f]{64}$/);
      assert.ok(challenge.parameters.expiresAt > Date.now() / 1000);
    });

    it("accepts a solved challenge once, on any instance: a replay fails", async () => {
      const { ctx } = web();
      const payload = await solvedAltcha(web().app);
      assert.equal(await rejection(ctx.altcha.verify(payload)), "accepted");
      assert.equal(await rejection(ctx.altcha.verify(payload)), "captcha_invalid");
      // Another instance: same database and key, its own guard.
      const other = new AltchaGuard(ctx.database.db, ctx.signer, { cost: 1, maxCounter: 30 });
      assert.equal(await rejection(other.verify(await solvedAltcha(web().app))), "accepted");
      assert.equal(await rejection(other.verify(payload)), "captcha_invalid");
    });

    it("refuses missing, malformed, forged, unsolved, test-mode and expired payloads", async () => {
      const { ctx, app } = web();
      const challenge = (await app.inject({ method: "GET", url: "/api/v1/altcha/challenge" })).json();
      const forged = { ...challenge, parameters: { ...challenge.parameters, cost: 2 } };
      const testMode = Buffer.from(JSON.stringify({ challenge: null, solution: null, test: true })).toString(
        "base64",
      );
      const bad = [
        undefined,
        "",
        "not base64 !",
        Buffer.from("{}").toString("base64"),
        testMode,
        encodeSolution(challenge, { counter: 1, derivedKey: "00" }),
        encodeSolution(forged, { counter: 1, derivedKey: "00" }),
        "A".repeat(5000),
      ];
      for (const payload of bad) assert.equal(await rejection(ctx.altcha.verify(payload)), "captcha_invalid");
      const old = await solvedAltchaAt(ctx.altcha, Date.now() - 31 * 60_000);
      assert.equal(await rejection(ctx.altcha.verify(old)), "captcha_invalid");
      // Signed with another key: a challenge from another site does not pass here.
      const stranger = new AltchaGuard(ctx.database.db, new Signer(Buffer.alloc(32, 7)), {
        cost: 1,
        maxCounter: 30,
      });
      assert.equal(
        await rejection(ctx.altcha.verify(await solvedAltchaAt(stranger, Date.now()))),
        "captcha_invalid",
      );
    });

    it("documents the forms' JSON routes in the OpenAPI document", async () => {
      const doc = (await web().app.inject({ method: "GET", url: "/openapi.json" })).json();
      for (const path of [
        "/api/v1/forms/token",
        "/api/v1/altcha/challenge",
        "/api/v1/newsletter/subscribe",
        "/api/v1/ingredients/{slug}/feedback",
      ]) {
        assert.ok(doc.paths[path], path);
      }
      assert.equal(doc.paths["/newsletter/subscribe"], undefined, "pages are for people, not the API");
    });

    it("gives each visitor a token bound to their own cookie", async () => {
      const a = await formSession(web().app);
      const b = await formSession(web().app);
      assert.notEqual(a.cookie, b.cookie);
      assert.notEqual(a.token, b.token);
    });
  },
  FORM_TEST_CONFIG,
);
