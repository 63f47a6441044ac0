import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderToString } from "preact-render-to-string";
import { describeEachWeb } from "../../test/web.js";
import {
  errorCode,
  FORM_TEST_CONFIG,
  formSession,
  postForm,
  postJson,
  solvedAltcha,
} from "../security/factories.js";
import { FeedbackForm } from "./components.js";

const JSON_ERRORS = { accept: "application/json" };

describeEachWeb(
  "reader feedback",
  (web) => {
    const db = () => web().ctx.database.db;
    const feedbackOn = async (slug: string) => {
      const ingredient = web().ctx.dictionary.findBySlug(slug);
      assert.ok(ingredient);
      return db()
        .selectFrom("feedback")
        .selectAll()
        .where("ingredient_id", "=", ingredient.id)
        .orderBy("id")
        .execute();
    };
    const validForm = async (fields: Record<string, string> = {}) => ({
      helpful: "yes",
      revision: "1",
      altcha: await solvedAltcha(web().app),
      ...fields,
    });

    it("records an HTML form's answer, comment and revision, and thanks the reader", async () => {
      const { app } = web();
      const session = await formSession(app);
      const fields = await validForm({ comment: "Clear, thank you.\r\nOne more line." });
      const response = await postForm(app, "/ingredients/glycerin/feedback", fields, {
        session,
        ip: "10.1.0.1",
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers["cache-control"], "no-store");
      assert.match(response.body, /Thank you for your feedback/);
      assert.match(response.body, /href="\/ingredients\/glycerin"/);
      const [row] = await feedbackOn("glycerin");
      assert.equal(row?.helpful, 1);
      assert.equal(row?.comment, "Clear, thank you.\nOne more line.");
      const revision = await db()
        .selectFrom("revisions")
        .select(["id", "number"])
        .where("id", "=", row!.revision_id!)
        .executeTakeFirst();
      assert.equal(revision?.number, 1);
    });

    it("records a JSON answer on the published revision and answers 201", async () => {
      const response = await postJson(
        web().app,
        "/api/v1/ingredients/niacinamide/feedback",
        { helpful: false, altcha: await solvedAltcha(web().app) },
        { ip: "10.1.0.2" },
      );
      assert.equal(response.statusCode, 201);
      assert.deepEqual(response.json(), { status: "received" });
      const [row] = await feedbackOn("niacinamide");
      assert.equal(row?.helpful, 0);
      assert.equal(row?.comment, null);
      assert.notEqual(row?.revision_id, null);
    });

    it("records feedback sent to an alias slug on the canonical article", async () => {
      const response = await postJson(
        web().app,
        "/api/v1/ingredients/water/feedback",
        { helpful: true, altcha: await solvedAltcha(web().app) },
        { ip: "10.1.0.3" },
      );
      assert.equal(response.statusCode, 201);
      assert.equal((await feedbackOn("aqua")).length, 1);
    });

    it("refuses a form without a valid CSRF token, or sent from another site", async () => {
      const { app } = web();
      const session = await formSession(app);
      const noToken = await postForm(app, "/ingredients/aqua/feedback", await validForm(), {
        ip: "10.1.1.1",
        headers: JSON_ERRORS,
      });
      assert.equal(noToken.statusCode, 403);
      assert.equal(errorCode(noToken), "csrf_invalid");
      const wrongToken = await postForm(app, "/ingredients/aqua/feedback", await validForm(), {
        session: { ...session, token: "forged" },
        ip: "10.1.1.1",
      });
      assert.equal(wrongToken.statusCode, 403);
      assert.equal(errorCode(wrongToken), "csrf_invalid");
      const foreign: Array<Record<string, string>> = [
        { origin: "https://evil.example" },
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site", origin: "https://sub.localhost:3000" },
        { origin: "null", "sec-fetch-site": "cross-site" },
      ];
      for (const headers of foreign) {
        const response = await postForm(app, "/ingredients/aqua/feedback", await validForm(), {
          session,
          ip: "10.1.1.1",
          headers,
        });
        assert.equal(response.statusCode, 403, JSON.stringify(headers));
        assert.equal(errorCode(response), "csrf_invalid");
      }
      const sameOrigin = await postForm(app, "/ingredients/aqua/feedback", await validForm(), {
        session,
        ip: "10.1.1.2",
        headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
      });
      assert.equal(sameOrigin.statusCode, 200);
      // What Chromium sends on its own form post under Referrer-Policy: no-referrer.
      const nullOrigin = await postForm(app, "/ingredients/aqua/feedback", await validForm(), {
        session,
        ip: "10.1.1.2",
        headers: { origin: "null", "sec-fetch-site": "same-origin" },
      });
      assert.equal(nullOrigin.statusCode, 200);
      assert.equal((await feedbackOn("aqua")).length, 3);
    });

    it("accepts JSON only as JSON, and not from another site's page", async () => {
      const { app } = web();
      const asForm = await postForm(
        app,
        "/api/v1/ingredients/aqua/feedback",
        { helpful: "true" },
        { ip: "10.1.2.1" },
      );
      assert.equal(asForm.statusCode, 400);
      assert.equal(errorCode(asForm), "bad_input");
      const foreign = await postJson(
        app,
        "/api/v1/ingredients/aqua/feedback",
        { helpful: true, altcha: await solvedAltcha(app) },
        { ip: "10.1.2.1", headers: { origin: "https://evil.example" } },
      );
      assert.equal(foreign.statusCode, 403);
      assert.equal(errorCode(foreign), "csrf_invalid");
    });

    it("validates the shape with codes and fields", async () => {
      const { app } = web();
      const post = (body: unknown) =>
        postJson(app, "/api/v1/ingredients/tocopherol/feedback", body, { ip: "10.1.3.1" });
      const cases: Array<[unknown, string, string | undefined]> = [
        [{}, "bad_input", "helpful"],
        [{ helpful: "yes" }, "bad_input", "helpful"],
        [{ helpful: true, rating: 5 }, "bad_input", undefined],
        [{ helpful: true, revision: 0 }, "bad_input", "revision"],
      ];
      for (const [body, code, field] of cases) {
        const response = await post(body);
        assert.equal(response.statusCode, 400, JSON.stringify(body));
        assert.equal(response.json().error.code, code);
        if (field) assert.equal(response.json().error.field, field);
      }
      const noRevision = await post({ helpful: true, revision: 99, altcha: await solvedAltcha(app) });
      assert.equal(noRevision.statusCode, 400);
      assert.deepEqual(
        [noRevision.json().error.code, noRevision.json().error.field],
        ["bad_input", "revision"],
      );
      const missing = await postJson(
        app,
        "/api/v1/ingredients/no-such-thing/feedback",
        { helpful: true },
        { ip: "10.1.3.2" },
      );
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, "ingredient_not_found");
    });

    it("answers 413 to a comment over 2,000 characters, and counts a new line once", async () => {
      const { app } = web();
      const altcha = await solvedAltcha(app);
      const long = await postJson(
        app,
        "/api/v1/ingredients/retinol/feedback",
        { helpful: true, comment: "x".repeat(2001), altcha },
        { ip: "10.1.4.1" },
      );
      assert.equal(long.statusCode, 413);
      assert.deepEqual([long.json().error.code, long.json().error.field], ["too_large", "comment"]);
      // The solution was not spent on the refused comment: it still works once.
      const exact = `${"y".repeat(999)}\r\n${"z".repeat(1000)}`;
      const ok = await postJson(
        app,
        "/api/v1/ingredients/retinol/feedback",
        { helpful: true, comment: exact, altcha },
        { ip: "10.1.4.1" },
      );
      assert.equal(ok.statusCode, 201);
      assert.equal((await feedbackOn("retinol"))[0]?.comment?.length, 2000);
    });

    it("refuses a missing, bad or replayed proof of work", async () => {
      const { app } = web();
      const url = "/api/v1/ingredients/squalane/feedback";
      const missing = await postJson(app, url, { helpful: true }, { ip: "10.1.5.1" });
      assert.deepEqual([missing.statusCode, missing.json().error.code], [400, "captcha_invalid"]);
      const bad = await postJson(
        app,
        url,
        { helpful: true, altcha: "bm90IGEgcGF5bG9hZA==" },
        { ip: "10.1.5.1" },
      );
      assert.equal(bad.json().error.code, "captcha_invalid");
      const altcha = await solvedAltcha(app);
      assert.equal((await postJson(app, url, { helpful: true, altcha }, { ip: "10.1.5.1" })).statusCode, 201);
      const replay = await postJson(app, url, { helpful: true, altcha }, { ip: "10.1.5.1" });
      assert.deepEqual([replay.statusCode, replay.json().error.code], [400, "captcha_invalid"]);
      assert.equal((await feedbackOn("squalane")).length, 1);
    });

    it("answers a filled honeypot like any other post, and stores nothing", async () => {
      const { app } = web();
      const session = await formSession(app);
      const response = await postForm(
        app,
        "/ingredients/dimethicone/feedback",
        { helpful: "no", comment: "Buy cheap pills", website: "http://spam.example" },
        { session, ip: "10.1.6.1" },
      );
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Thank you for your feedback/);
      assert.equal((await feedbackOn("dimethicone")).length, 0);
    });

    it("allows 10 feedback posts an hour per address, HTML and JSON together, then answers 429", async () => {
      const { app } = web();
      const session = await formSession(app);
      const ip = "10.1.7.1";
      for (let i = 0; i < 5; i++) {
        const form = await postForm(
          app,
          "/ingredients/limonene/feedback",
          { helpful: "yes", website: "x" },
          { session, ip },
        );
        assert.equal(form.statusCode, 200);
        const json = await postJson(app, "/api/v1/ingredients/limonene/feedback", { helpful: true }, { ip });
        assert.equal(json.statusCode, 400);
      }
      const over = await postJson(app, "/api/v1/ingredients/limonene/feedback", { helpful: true }, { ip });
      assert.equal(over.statusCode, 429);
      assert.equal(over.json().error.code, "too_many_requests");
      assert.ok(Number(over.headers["retry-after"]) > 0);
      const html = await postForm(
        app,
        "/ingredients/limonene/feedback",
        { helpful: "yes" },
        { session, ip, headers: JSON_ERRORS },
      );
      assert.equal(html.statusCode, 429);
      const otherAddress = await postForm(
        app,
        "/ingredients/limonene/feedback",
        { helpful: "yes", website: "x" },
        { session, ip: "10.1.7.2" },
      );
      assert.equal(otherAddress.statusCode, 200);
    });
  },
  FORM_TEST_CONFIG,
);

describe("the feedback form component", () => {
  it("has the answer buttons, a limited comment, the hidden revision, a honeypot and the spam-check slot", () => {
    const html = renderToString(FeedbackForm({ slug: "aqua", revisionNumber: 3 }));
    assert.match(html, /action="\/ingredients\/aqua\/feedback"/);
    assert.match(html, /<button type="submit" name="helpful" value="yes"/);
    assert.match(html, /<button type="submit" name="helpful" value="no"/);
    assert.match(html, /<textarea[^>]*name="comment"[^>]*maxlength="2000"/);
    assert.match(html, /<label for="feedback-comment">/);
    assert.match(html, /name="revision" value="3"/);
    assert.match(html, /name="_csrf"/);
    assert.match(html, /class="hp"[\s\S]*name="website"/);
    assert.match(html, /data-altcha-slot[\s\S]*needs JavaScript/);
    assert.doesNotMatch(
      renderToString(FeedbackForm({ slug: "aqua", revisionNumber: null })),
      /name="revision"/,
    );
  });
});
