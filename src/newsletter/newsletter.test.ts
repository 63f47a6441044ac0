import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import {
  errorCode,
  FORM_TEST_CONFIG,
  formSession,
  postForm,
  postJson,
  solvedAltcha,
} from "../security/factories.js";
import { CONFIRM_MAIL_KIND } from "./mails.js";
import { CONFIRM_TTL_SECONDS, type NewsletterDeps, subscribe } from "./service.js";

const JSON_ERRORS = { accept: "application/json" };

describeEachWeb(
  "newsletter sign-up",
  (web) => {
    const db = () => web().ctx.database.db;
    const deps = (): NewsletterDeps => ({
      db: db(),
      mail: web().ctx.mail,
      signer: web().ctx.signer,
      publicUrl: web().ctx.config.publicUrl,
    });
    const subscriber = (email: string) =>
      db().selectFrom("subscribers").selectAll().where("email", "=", email).executeTakeFirst();
    const mailsTo = (email: string) =>
      db().selectFrom("outbox").selectAll().where("recipient", "=", email).orderBy("id").execute();
    /** The path of a link of a kind found in the latest mail to the address. */
    const linkIn = async (email: string, path: string) => {
      const mail = (await mailsTo(email)).at(-1);
      const url = new RegExp(`https?://\\S+(${path}\\?token=[\\w.-]+)`).exec(mail?.text_body ?? "");
      assert.ok(url, `no ${path} link in the mail to ${email}`);
      return url[1] as string;
    };
    const signUp = async (email: string, ip: string) =>
      postJson(
        web().app,
        "/api/v1/newsletter/subscribe",
        { email, altcha: await solvedAltcha(web().app) },
        { ip },
      );
    const get = (url: string) => web().app.inject({ method: "GET", url });

    it("stores an HTML sign-up as pending and queues a confirmation mail with unsubscribe headers", async () => {
      const { app } = web();
      const session = await formSession(app);
      const fields = { email: "  Ana.Lopez@Example.ORG ", altcha: await solvedAltcha(app) };
      const response = await postForm(app, "/newsletter/subscribe", fields, { session, ip: "10.2.0.1" });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Check your inbox/);
      assert.match(response.body, /ana\.lopez@example\.org/);
      assert.equal((await subscriber("ana.lopez@example.org"))?.status, "pending");
      const [mail] = await mailsTo("ana.lopez@example.org");
      assert.equal(mail?.kind, CONFIRM_MAIL_KIND);
      assert.equal(mail?.status, "pending");
      const headers = JSON.parse(mail?.headers ?? "{}");
      assert.match(
        headers["List-Unsubscribe"],
        /^<http:\/\/localhost:3000\/newsletter\/unsubscribe\?token=[\w.-]+>$/,
      );
      assert.equal(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
      assert.match(mail?.text_body ?? "", /http:\/\/localhost:3000\/newsletter\/confirm\?token=/);
      assert.match(mail?.html_body ?? "", /<a href="http:\/\/localhost:3000\/newsletter\/confirm\?token=/);
    });

    it("answers the same to every address, and never duplicates a subscriber or floods a mailbox", async () => {
      const email = "same@example.org";
      const first = await signUp(email, "10.2.1.1");
      const again = await signUp(email.toUpperCase(), "10.2.1.1");
      assert.equal(first.statusCode, 202);
      assert.deepEqual(again.json(), first.json());
      assert.equal(first.json().status, "pending");
      const rows = await db().selectFrom("subscribers").select("id").where("email", "=", email).execute();
      assert.equal(rows.length, 1);
      assert.equal((await mailsTo(email)).length, 1, "a re-send within 10 minutes is dropped");
      await subscribe(deps(), email, new Date(Date.now() + 11 * 60_000));
      assert.equal((await mailsTo(email)).length, 2, "after 10 minutes one more confirmation goes out");
    });

    it("confirms from the mailed link, once and for all, and then sends nothing on a new sign-up", async () => {
      const email = "confirm@example.org";
      await signUp(email, "10.2.2.1");
      const confirm = await get(await linkIn(email, "/newsletter/confirm"));
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /You are subscribed/);
      assert.equal((await subscriber(email))?.status, "confirmed");
      assert.equal((await get(await linkIn(email, "/newsletter/confirm"))).statusCode, 200);
      await subscribe(deps(), email, new Date(Date.now() + 60 * 60_000));
      const again = await signUp(email, "10.2.2.1");
      assert.equal(again.statusCode, 202);
      assert.equal((await mailsTo(email)).length, 1);
    });

    it("shows an expired link's page with a fresh sign-up form, and refuses forged or misused links", async () => {
      const email = "late@example.org";
      await signUp(email, "10.2.3.1");
      const row = await subscriber(email);
      const old = web().ctx.signer.sign(
        "newsletter-confirm",
        `${row?.id}:${email}`,
        CONFIRM_TTL_SECONDS,
        Date.now() - 49 * 3600_000,
      );
      const expired = await get(`/newsletter/confirm?token=${old}`);
      assert.equal(expired.statusCode, 410);
      assert.equal(expired.headers["x-ratelimit-limit"], "600", "token links have the API's ordinary limit");
      assert.match(expired.body, /This link has expired/);
      assert.match(expired.body, /action="\/newsletter\/subscribe"/);
      assert.equal((await subscriber(email))?.status, "pending");
      const unsubscribeLink = (await linkIn(email, "/newsletter/unsubscribe")).split("token=")[1];
      for (const token of ["garbage", `${old}x`, unsubscribeLink]) {
        const response = await web().app.inject({
          method: "GET",
          url: `/newsletter/confirm?token=${token}`,
          headers: JSON_ERRORS,
        });
        assert.equal(response.statusCode, 400);
        assert.equal(errorCode(response), "link_invalid");
      }
      const other = web().ctx.signer.sign("newsletter-confirm", `${row?.id}:someone@else.org`, 60);
      assert.equal(
        errorCode(
          await web().app.inject({
            method: "GET",
            url: `/newsletter/confirm?token=${other}`,
            headers: JSON_ERRORS,
          }),
        ),
        "link_invalid",
      );
      const none = await web().app.inject({
        method: "GET",
        url: "/newsletter/confirm",
        headers: JSON_ERRORS,
      });
      assert.deepEqual([none.statusCode, errorCode(none)], [400, "bad_input"]);
    });

    it("unsubscribes by one-click POST with no cookie or CSRF token, after a GET that only asks", async () => {
      const email = "leave@example.org";
      await signUp(email, "10.2.4.1");
      await get(await linkIn(email, "/newsletter/confirm"));
      const link = await linkIn(email, "/newsletter/unsubscribe");
      const ask = await get(link);
      assert.equal(ask.statusCode, 200);
      assert.match(ask.body, /<form method="post" action="\/newsletter\/unsubscribe\?token=/);
      assert.equal((await subscriber(email))?.status, "confirmed", "opening the link does not unsubscribe");
      const oneClick = await web().app.inject({
        method: "POST",
        url: link,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "List-Unsubscribe=One-Click",
      });
      assert.equal(oneClick.statusCode, 200);
      assert.equal(oneClick.headers["x-ratelimit-limit"], "600");
      assert.match(oneClick.body, /You are unsubscribed/);
      assert.equal((await subscriber(email))?.status, "unsubscribed");
      // Mail programs may post multipart; a second click changes nothing.
      const multipart = await web().app.inject({
        method: "POST",
        url: link,
        headers: { "content-type": "multipart/form-data; boundary=b" },
        payload:
          '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n',
      });
      assert.equal(multipart.statusCode, 200);
      assert.equal((await subscriber(email))?.status, "unsubscribed");
    });

    it("refuses forged, misused and expired unsubscribe links without changing anything", async () => {
      const email = "stay@example.org";
      await signUp(email, "10.2.4.2");
      const row = await subscriber(email);
      const confirmToken = (await linkIn(email, "/newsletter/confirm")).split("token=")[1];
      for (const method of ["GET", "POST"] as const) {
        for (const token of ["garbage", confirmToken]) {
          const response = await web().app.inject({
            method,
            url: `/newsletter/unsubscribe?token=${token}`,
            headers: JSON_ERRORS,
          });
          assert.deepEqual(
            [response.statusCode, errorCode(response)],
            [400, "link_invalid"],
            `${method} ${token}`,
          );
        }
      }
      const old = web().ctx.signer.sign(
        "newsletter-unsubscribe",
        `${row?.id}:${email}`,
        60,
        Date.now() - 120_000,
      );
      const expired = await web().app.inject({ method: "POST", url: `/newsletter/unsubscribe?token=${old}` });
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /more recent mail/);
      assert.equal((await subscriber(email))?.status, "pending");
    });

    it("lets an unsubscribed address sign up again through a new confirmation only", async () => {
      const email = "back@example.org";
      await signUp(email, "10.2.5.1");
      const firstConfirm = await linkIn(email, "/newsletter/confirm");
      await new Promise((resolve) => setTimeout(resolve, 5));
      await web().app.inject({ method: "POST", url: await linkIn(email, "/newsletter/unsubscribe") });
      assert.equal((await subscriber(email))?.status, "unsubscribed");
      await subscribe(deps(), email, new Date(Date.now() + 11 * 60_000));
      assert.equal((await subscriber(email))?.status, "unsubscribed", "still out until confirmed");
      const stale = await get(firstConfirm);
      assert.equal(stale.statusCode, 410, "a link from before the unsubscribe no longer confirms");
      const fresh = await get(await linkIn(email, "/newsletter/confirm"));
      assert.equal(fresh.statusCode, 200);
      assert.equal((await subscriber(email))?.status, "confirmed");
    });

    it("validates the address before storing it or spending the proof of work", async () => {
      const { app } = web();
      const altcha = await solvedAltcha(app);
      const invalid = [
        "",
        "not-an-address",
        "a@b",
        `${"x".repeat(250)}@b.org`,
        "ana@example.org\r\nBcc: x@y.z",
      ];
      for (const [i, email] of invalid.entries()) {
        const response = await postJson(
          app,
          "/api/v1/newsletter/subscribe",
          { email, altcha },
          { ip: `10.2.6.${i + 10}` },
        );
        assert.equal(response.statusCode, 400, email);
        assert.deepEqual(
          [response.json().error.code, response.json().error.field],
          ["invalid_email", "email"],
        );
      }
      const count = await db()
        .selectFrom("subscribers")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst();
      const ok = await postJson(
        app,
        "/api/v1/newsletter/subscribe",
        { email: "valid@example.org", altcha },
        { ip: "10.2.6.1" },
      );
      assert.equal(ok.statusCode, 202, "the solution was not spent on the refused addresses");
      const after = await db()
        .selectFrom("subscribers")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst();
      assert.equal(Number(after?.n), Number(count?.n) + 1);
      const extra = await postJson(
        app,
        "/api/v1/newsletter/subscribe",
        { email: "a@b.org", altcha, list: "x" },
        { ip: "10.2.6.1" },
      );
      assert.equal(extra.json().error.code, "bad_input");
    });

    it("refuses a missing or replayed proof of work and stores nothing", async () => {
      const { app } = web();
      const none = await postJson(
        app,
        "/api/v1/newsletter/subscribe",
        { email: "bot@example.org" },
        { ip: "10.2.7.1" },
      );
      assert.deepEqual(
        [none.statusCode, none.json().error.code, none.json().error.field],
        [400, "captcha_invalid", "altcha"],
      );
      assert.equal(await subscriber("bot@example.org"), undefined);
      const altcha = await solvedAltcha(app);
      await postJson(
        app,
        "/api/v1/newsletter/subscribe",
        { email: "first@example.org", altcha },
        { ip: "10.2.7.1" },
      );
      const replay = await postJson(
        app,
        "/api/v1/newsletter/subscribe",
        { email: "second@example.org", altcha },
        { ip: "10.2.7.1" },
      );
      assert.equal(replay.json().error.code, "captcha_invalid");
      assert.equal(await subscriber("second@example.org"), undefined);
    });

    it("refuses a form without its CSRF token; drops a filled honeypot silently, escaping what it echoes", async () => {
      const { app } = web();
      const noToken = await postForm(
        app,
        "/newsletter/subscribe",
        { email: "x@example.org" },
        { ip: "10.2.8.1", headers: JSON_ERRORS },
      );
      assert.deepEqual([noToken.statusCode, errorCode(noToken)], [403, "csrf_invalid"]);
      const session = await formSession(app);
      const bot = await postForm(
        app,
        "/newsletter/subscribe",
        { email: "<script>alert(1)</script>", website: "spam" },
        { session, ip: "10.2.8.1" },
      );
      assert.equal(bot.statusCode, 200);
      assert.match(bot.body, /Check your inbox/);
      assert.doesNotMatch(bot.body, /<script>alert/);
      assert.match(bot.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.equal(await subscriber("<script>alert(1)</script>"), undefined);
    });

    it("allows 5 sign-ups an hour per address, then answers 429", async () => {
      const { app } = web();
      for (let i = 0; i < 5; i++) {
        const response = await postJson(
          app,
          "/api/v1/newsletter/subscribe",
          { email: "nope" },
          { ip: "10.2.9.1" },
        );
        assert.equal(response.statusCode, 400);
      }
      const over = await postJson(app, "/api/v1/newsletter/subscribe", { email: "nope" }, { ip: "10.2.9.1" });
      assert.deepEqual([over.statusCode, over.json().error.code], [429, "too_many_requests"]);
      const session = await formSession(app);
      const html = await postForm(
        app,
        "/newsletter/subscribe",
        { email: "nope" },
        { session, ip: "10.2.9.1", headers: JSON_ERRORS },
      );
      assert.equal(html.statusCode, 429);
    });
  },
  FORM_TEST_CONFIG,
);
