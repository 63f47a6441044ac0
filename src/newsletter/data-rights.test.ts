import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { ParsedMail } from "mailparser";
import { addSubscribers, createIssue } from "../../test/newsletter/fixtures.js";
import { startNewsletterSink } from "../../test/newsletter/smtp-sink.js";
import { describeEachWeb } from "../../test/web.js";
import { listAudit } from "../audit/audit.js";
import { SmtpTransport } from "../mail/transports.js";
import { errorCode, FORM_TEST_CONFIG } from "../security/factories.js";
import { DATA_LINK_TTL_SECONDS } from "./data-rights.js";
import { sendIssue } from "./send-service.js";

/**
 * A subscriber's data rights through the signed link of a received issue: the page (GET changes
 * nothing), the JSON export, the deletion (subscriber gone, recipient rows anonymised, queued
 * mails forgotten, audited without the address), and refusals of bad, expired or cross-site use.
 */
const sink = await startNewsletterSink();
after(() => sink.close());
const toOf = (mail: ParsedMail) =>
  mail.to && !Array.isArray(mail.to) ? (mail.to.value[0]?.address ?? "") : "";
const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");
const form = { "content-type": "application/x-www-form-urlencoded" };

describeEachWeb(
  "newsletter data rights: export and delete through a signed link",
  (web) => {
    const db = () => web().ctx.database.db;
    let reader: string;
    let other: string;
    let issueId: number;
    let dataPath: string;
    const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
      web().app.inject({ method: "POST", url, payload, headers: { ...form, ...headers } });

    before(async () => {
      const tag = `data-${web().database.config.dialect}`;
      [reader, other] = (await addSubscribers(db(), tag, 2)) as [string, string];
      issueId = await createIssue(db(), "Data rights issue");
      const { ctx } = web();
      const transport = new SmtpTransport(sink.url);
      const deps = {
        db: db(),
        transport,
        signer: ctx.signer,
        publicUrl: ctx.config.publicUrl,
        mailFrom: ctx.config.mailFrom,
      };
      await sendIssue(deps, issueId, { actor: "test", ratePerSecond: 1000 });
      transport.close();
      await ctx.mail.enqueue({
        kind: "newsletter-confirm",
        to: reader,
        subject: "Confirm",
        text: "Confirm.",
      });
      const mail = sink.received.find((m) => toOf(m) === reader);
      dataPath = pathOf(/Export or delete your data: (\S+)/.exec(mail?.text ?? "")?.[1] ?? "");
      assert.match(dataPath, /^\/newsletter\/data\?token=/);
    });

    it("shows what we hold, with the export and delete buttons; opening the link changes nothing", async () => {
      const page = await web().app.inject({ method: "GET", url: dataPath });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers["cache-control"], "no-store");
      assert.match(page.body, new RegExp(`<strong>${reader}</strong>`));
      assert.match(
        page.body,
        /<form id="data-export" method="post" action="\/newsletter\/data\/export\?token=/,
      );
      assert.match(
        page.body,
        /<form id="data-delete" method="post" action="\/newsletter\/data\/delete\?token=/,
      );
      assert.match(page.body, /<meta name="robots" content="noindex"/);
    });

    it("exports everything as a JSON download: address, status, dates, issues sent, mails queued", async () => {
      const response = await post(dataPath.replace("/data?", "/data/export?"), "format=json");
      assert.equal(response.statusCode, 200);
      assert.match(
        String(response.headers["content-disposition"]),
        /^attachment; filename="inci-atlas-newsletter-data\.json"$/,
      );
      const data = response.json();
      assert.equal(data.subscriber.email, reader);
      assert.equal(data.subscriber.status, "confirmed");
      assert.ok(data.subscriber.confirmedAt);
      assert.deepEqual(
        data.newsletterIssues.map((i: { issueId: number; state: string }) => [i.issueId, i.state]),
        [[issueId, "sent"]],
      );
      assert.deepEqual(
        data.mails.map((m: { kind: string }) => m.kind),
        ["newsletter-confirm"],
      );
      assert.equal(JSON.stringify(data).includes(other), false, "nobody else's data");
    });

    it("refuses a tampered, expired, wrong-purpose or cross-site use", async () => {
      const tampered = await web().app.inject({ method: "GET", url: `${dataPath}x` });
      assert.equal(tampered.statusCode, 400);
      assert.equal(errorCode(tampered), "link_invalid");
      const subscriber = await db()
        .selectFrom("subscribers")
        .selectAll()
        .where("email", "=", reader)
        .executeTakeFirstOrThrow();
      const old = Date.now() - (DATA_LINK_TTL_SECONDS + 60) * 1000;
      const expired = web().ctx.signer.sign(
        "newsletter-data",
        `${subscriber.id}:${reader}`,
        DATA_LINK_TTL_SECONDS,
        old,
      );
      assert.equal(
        (await web().app.inject({ method: "GET", url: `/newsletter/data?token=${expired}` })).statusCode,
        410,
      );
      const unsubscribeToken = web().ctx.signer.sign(
        "newsletter-unsubscribe",
        `${subscriber.id}:${reader}`,
        60,
      );
      assert.equal(
        (await web().app.inject({ method: "GET", url: `/newsletter/data?token=${unsubscribeToken}` }))
          .statusCode,
        400,
      );
      const crossSite = await post(dataPath.replace("/data?", "/data/delete?"), "confirm=yes", {
        "sec-fetch-site": "cross-site",
      });
      assert.equal(crossSite.statusCode, 403);
      assert.equal((await post(dataPath.replace("/data?", "/data/delete?"), "")).statusCode, 400);
      assert.ok(
        await db().selectFrom("subscribers").select("id").where("email", "=", reader).executeTakeFirst(),
      );
    });

    it("deletes: the subscriber goes, their issue rows are anonymised, their queued mails forgotten, the link dies", async () => {
      const { id } = await db()
        .selectFrom("subscribers")
        .select("id")
        .where("email", "=", reader)
        .executeTakeFirstOrThrow();
      const deleted = await post(dataPath.replace("/data?", "/data/delete?"), "confirm=yes");
      assert.equal(deleted.statusCode, 200);
      assert.match(deleted.body, /Your data is deleted/);
      assert.equal(
        await db().selectFrom("subscribers").select("id").where("email", "=", reader).executeTakeFirst(),
        undefined,
      );
      const rows = await db()
        .selectFrom("newsletter_recipients")
        .selectAll()
        .where("issue_id", "=", issueId)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.email, r.subscriber_id === null, r.state]),
        [
          [null, true, "sent"],
          [other, false, "sent"],
        ],
      );
      assert.equal(
        (await db().selectFrom("outbox").select("id").where("recipient", "=", reader).execute()).length,
        0,
      );
      const audit = (await listAudit(db(), { action: "subscriber.data_deleted" })).records;
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.target, `subscriber:${id}`);
      assert.equal(JSON.stringify(audit).includes(reader), false, "the address is not in the audit log");
      const again = await web().app.inject({ method: "GET", url: dataPath });
      assert.equal(again.statusCode, 400);
      assert.equal(errorCode(again), "link_invalid");
    });
  },
  { ...FORM_TEST_CONFIG, smtpUrl: sink.url },
);
