import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { type ParsedMail, simpleParser } from "mailparser";
import { describeEachWeb, type WebTest } from "../../test/web.js";
import { openDatabase } from "../db/database.js";
import { FORM_TEST_CONFIG, postJson, solvedAltcha } from "../security/factories.js";
import { startSmtpSink } from "./factories.js";
import { Mailer } from "./mailer.js";
import { MAX_ATTEMPTS } from "./outbox.js";
import { FolderTransport, SmtpTransport } from "./transports.js";

const sink = await startSmtpSink();
const folder = mkdtempSync(join(tmpdir(), "inci-atlas-outbox-"));
const appFolder = join(folder, "app");
after(async () => {
  await sink.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The single address a test mail went to. */
const toOf = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "");
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");
const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");
const outboxRow = (web: WebTest, id: number) =>
  web.ctx.database.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** Sign up over HTTP like a reader; the answer comes back before any mail is sent. */
async function signUp(web: WebTest, email: string): Promise<void> {
  const response = await postJson(web.app, "/api/v1/newsletter/subscribe", {
    email,
    altcha: await solvedAltcha(web.app),
  });
  assert.equal(response.statusCode, 202);
}

describeEachWeb(
  "mail through a real SMTP server",
  (web) => {
    const testMail = (to: string) => ({ kind: "test", to, subject: `Test to ${to}`, text: "Hello." });

    it("delivers the confirmation mail; its link confirms and its List-Unsubscribe POST unsubscribes", async () => {
      const email = `reader-${web().database.config.dialect}@example.org`;
      await signUp(web(), email);
      assert.equal(sink.received.filter((m) => toOf(m) === email).length, 0, "enqueueing sends nothing");
      const pass = await web().ctx.mail.runOnce();
      assert.equal(pass.sent, 1);
      const mail = sink.received.find((m) => toOf(m) === email);
      assert.ok(mail, "the SMTP server received the mail");
      assert.equal(mail.subject, "Confirm your INCI Atlas newsletter subscription");
      assert.match(String(mail.from?.text), /newsletter@localhost/);
      assert.match(String(mail.html), /Confirm my subscription/);
      assert.equal(header(mail, "list-unsubscribe-post"), "List-Unsubscribe=One-Click");
      const unsubscribeUrl = /^<(.+)>$/.exec(header(mail, "list-unsubscribe") ?? "")?.[1];
      const confirmUrl = /(https?:\/\/\S+\/newsletter\/confirm\?token=\S+)/.exec(mail.text ?? "")?.[1];
      assert.ok(confirmUrl && unsubscribeUrl);
      const confirmed = await web().app.inject({ method: "GET", url: pathOf(confirmUrl) });
      assert.equal(confirmed.statusCode, 200);
      const subscriber = () =>
        web()
          .ctx.database.db.selectFrom("subscribers")
          .selectAll()
          .where("email", "=", email)
          .executeTakeFirst();
      assert.equal((await subscriber())?.status, "confirmed");
      const oneClick = await web().app.inject({
        method: "POST",
        url: pathOf(unsubscribeUrl),
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "List-Unsubscribe=One-Click",
      });
      assert.equal(oneClick.statusCode, 200);
      assert.equal((await subscriber())?.status, "unsubscribed");
    });

    it("retries a refused mail with growing waits, and sends it once the server accepts", async () => {
      const id = await web().ctx.mail.enqueue(testMail(`retry-${web().database.config.dialect}@example.org`));
      const t0 = new Date();
      sink.refuseWith = "Mailbox busy, try again later";
      try {
        assert.deepEqual(await web().ctx.mail.runOnce(t0), { sent: 0, retried: 1, failed: 0 });
        let row = await outboxRow(web(), id);
        assert.deepEqual([row.status, row.attempts, row.locked_until], ["pending", 1, null]);
        assert.match(String(row.last_error), /451|try again later/);
        assert.equal(row.next_attempt_at, later(t0, 60_000).toISOString());
        assert.deepEqual(await web().ctx.mail.runOnce(later(t0, 30_000)), { sent: 0, retried: 0, failed: 0 });
        const t1 = later(t0, 61_000);
        await web().ctx.mail.runOnce(t1);
        row = await outboxRow(web(), id);
        assert.equal(row.attempts, 2);
        assert.equal(row.next_attempt_at, later(t1, 5 * 60_000).toISOString());
      } finally {
        sink.refuseWith = null;
      }
      assert.equal((await web().ctx.mail.runOnce(later(t0, 7 * 60_000))).sent, 1);
      const row = await outboxRow(web(), id);
      assert.deepEqual([row.status, row.attempts, row.last_error], ["sent", 3, null]);
      assert.ok(
        sink.received.some((m) => m.subject === `Test to retry-${web().database.config.dialect}@example.org`),
      );
    });

    it("marks a mail failed after the last attempt, and keeps the row", async () => {
      const id = await web().ctx.mail.enqueue(testMail("never@example.org"));
      sink.refuseWith = "Still busy";
      try {
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          const due = new Date((await outboxRow(web(), id)).next_attempt_at);
          await web().ctx.mail.runOnce(due);
        }
      } finally {
        sink.refuseWith = null;
      }
      const row = await outboxRow(web(), id);
      assert.deepEqual([row.status, row.attempts], ["failed", MAX_ATTEMPTS]);
      assert.match(String(row.last_error), /Still busy/);
      assert.equal((await web().ctx.mail.runOnce(later(new Date(), 30 * 86_400_000))).sent, 0);
      assert.equal((await outboxRow(web(), id)).status, "failed");
    });

    it("sends each mail exactly once when two instances' workers race", async () => {
      const tag = `race-${web().database.config.dialect}`;
      const ids: number[] = [];
      for (let i = 0; i < 8; i++) ids.push(await web().ctx.mail.enqueue(testMail(`${tag}-${i}@example.org`)));
      const second = openDatabase(web().database.config);
      const options = { from: "INCI Atlas <newsletter@localhost>", pollMs: 0 };
      const a = new Mailer(web().ctx.database.db, new SmtpTransport(sink.url), options);
      const b = new Mailer(second.db, new SmtpTransport(sink.url), options);
      try {
        const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
        assert.equal(ra.sent + rb.sent, 8);
      } finally {
        await a.stop();
        await b.stop();
        await second.close();
      }
      const got = sink.received.filter((m) => toOf(m).startsWith(tag)).map(toOf);
      assert.equal(got.length, 8);
      assert.equal(new Set(got).size, 8);
      for (const id of ids) assert.equal((await outboxRow(web(), id)).status, "sent");
    });

    it("takes back a mail whose sender died mid-send, once its lease has run out", async () => {
      const id = await web().ctx.mail.enqueue(testMail("orphan@example.org"));
      const now = new Date();
      await web()
        .ctx.database.db.updateTable("outbox")
        .set({ status: "sending", locked_until: later(now, 5 * 60_000).toISOString() })
        .where("id", "=", id)
        .execute();
      assert.equal((await web().ctx.mail.runOnce(now)).sent, 0, "another instance holds it");
      assert.equal((await web().ctx.mail.runOnce(later(now, 6 * 60_000))).sent, 1);
      assert.equal((await outboxRow(web(), id)).status, "sent");
    });
  },
  { ...FORM_TEST_CONFIG, smtpUrl: sink.url },
);

describeEachWeb(
  "mail as files when no SMTP server is set",
  (web) => {
    it("says where mails go, and writes a readable .eml whose link confirms", async () => {
      assert.equal(web().ctx.mail.description, `files in ${appFolder}`);
      const email = `files-${web().database.config.dialect}@example.org`;
      await signUp(web(), email);
      assert.equal((await web().ctx.mail.runOnce()).sent, 1);
      const files = readdirSync(appFolder).filter((f) => f.endsWith(".eml"));
      for (const file of files) assert.match(file, /^\d{8}T\d{6}Z-\d{6}-newsletter-confirm\.eml$/);
      const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(appFolder, f)))));
      const mail = mails.find((m) => toOf(m) === email);
      assert.ok(mail, "the mail is in the folder");
      assert.match(
        header(mail, "list-unsubscribe") ?? "",
        /^<http:\/\/localhost:3000\/newsletter\/unsubscribe\?token=/,
      );
      const confirmUrl = /(https?:\/\/\S+\/newsletter\/confirm\?token=\S+)/.exec(mail.text ?? "")?.[1] ?? "";
      assert.equal((await web().app.inject({ method: "GET", url: pathOf(confirmUrl) })).statusCode, 200);
    });
  },
  { ...FORM_TEST_CONFIG, outboxDir: appFolder },
);

describe("the SMTP transport", () => {
  it("sends mail after mail over one connection", async () => {
    const own = await startSmtpSink();
    const transport = new SmtpTransport(own.url);
    try {
      for (let id = 1; id <= 5; id++) {
        await transport.send({
          id,
          kind: "newsletter",
          from: "INCI Atlas <newsletter@localhost>",
          to: `reader${id}@example.org`,
          subject: `Weekly ${id}`,
          text: "Hello.",
        });
      }
      assert.deepEqual(
        own.received.map((m) => m.subject),
        ["Weekly 1", "Weekly 2", "Weekly 3", "Weekly 4", "Weekly 5"],
      );
      assert.equal(own.connections, 1);
    } finally {
      transport.close();
      await own.close();
    }
  });

  it("fails a mail whose connection is cut before the answer, and never sends it again", async () => {
    const own = await startSmtpSink();
    const transport = new SmtpTransport(own.url);
    own.dropAfterData = true;
    try {
      const mail = {
        id: 7,
        kind: "newsletter",
        from: "a@localhost",
        to: "b@example.org",
        subject: "Once",
        text: "x",
      };
      await assert.rejects(transport.send(mail));
      // Give a resend (the pool's default on a lost connection) time to happen.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(own.received.length, 1);
      own.dropAfterData = false;
      await transport.send({ ...mail, id: 8, subject: "After" });
      assert.deepEqual(
        own.received.map((m) => m.subject),
        ["Once", "After"],
      );
    } finally {
      transport.close();
      await own.close();
    }
  });
});

describe("the folder transport", () => {
  it("writes one complete RFC 5322 file per mail, with its headers and both parts", async () => {
    const dir = join(folder, "direct");
    const transport = new FolderTransport(dir);
    await transport.send({
      id: 42,
      kind: "newsletter",
      from: "INCI Atlas <newsletter@localhost>",
      to: "ana@example.org",
      subject: "Weekly: niacinamide, corrected",
      text: "Plain text first.",
      html: "<p>Plain text <em>first</em>.</p>",
      headers: { "List-Unsubscribe": "<http://localhost:3000/newsletter/unsubscribe?token=t>" },
    });
    const [file] = readdirSync(dir);
    assert.match(file ?? "", /-000042-newsletter\.eml$/);
    const mail = await simpleParser(readFileSync(join(dir, file ?? "")));
    assert.equal(mail.subject, "Weekly: niacinamide, corrected");
    assert.equal(mail.text?.trim(), "Plain text first.");
    assert.match(String(mail.html), /<em>first<\/em>/);
    assert.equal(mail.messageId, "<outbox-42-newsletter@inci-atlas>");
    assert.equal(header(mail, "list-unsubscribe"), "<http://localhost:3000/newsletter/unsubscribe?token=t>");
  });
});
