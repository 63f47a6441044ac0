import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { simpleParser } from "mailparser";
import { describeInBrowser, seriousAxeViolations } from "./browser.js";

const ARTICLE = "/ingredients/human-amniotic-membrane-stem-cell-conditioned-media";
const outboxDir = mkdtempSync(join(tmpdir(), "inci-atlas-outbox-"));
after(() => rmSync(outboxDir, { recursive: true, force: true }));

describeInBrowser(
  "reader forms journeys",
  (t) => {
    it("sends feedback with a comment from an article", async () => {
      const page = await t().newPage();
      await page.goto(`${t().baseUrl}${ARTICLE}`);
      await page.fill("#feedback-comment", "Clear article. Could you add the <b>Korean</b> name?");
      await page.locator(".feedback button[value='yes']").click();
      await page.waitForURL(/\/feedback/);
      assert.match((await page.locator("h1").textContent()) ?? "", /Thank you/);
      assert.deepEqual(await seriousAxeViolations(page), []);
      const rows = await t()
        .ctx.database.db.selectFrom("feedback")
        .select(["helpful", "comment", "revision_id"])
        .execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.helpful, 1);
      assert.equal(rows[0]?.comment, "Clear article. Could you add the <b>Korean</b> name?");
      assert.notEqual(rows[0]?.revision_id, null);
      await page.close();
    });

    it("subscribes to the newsletter and confirms from the link in the outbox", async () => {
      const page = await t().newPage();
      await page.goto(`${t().baseUrl}/`);
      await page.fill("#newsletter-email", "reader@example.org");
      await page.locator(".newsletter button[type='submit']").click();
      await page.waitForURL(/\/newsletter\/subscribe/);
      assert.deepEqual(await seriousAxeViolations(page), []);
      await t().ctx.mail.runOnce();
      const files = readdirSync(outboxDir).filter((f) => f.endsWith(".eml"));
      assert.equal(files.length, 1);
      const mail = await simpleParser(readFileSync(join(outboxDir, files[0] as string)));
      assert.equal(mail.to && "text" in mail.to ? mail.to.text : "", "reader@example.org");
      const link = /https?:\/\/\S+\/newsletter\/confirm\?token=[\w.-]+/.exec(mail.text ?? "")?.[0];
      assert.ok(link, `no confirmation link in: ${mail.text}`);
      await page.goto(link);
      assert.match((await page.locator("main").textContent()) ?? "", /confirmed|Thank you/i);
      const subscriber = await t()
        .ctx.database.db.selectFrom("subscribers")
        .select("status")
        .where("email", "=", "reader@example.org")
        .executeTakeFirstOrThrow();
      assert.equal(subscriber.status, "confirmed");
      await page.close();
    });
  },
  { outboxDir, outboxPollMs: 0, altchaCost: 1000, altchaMaxCounter: 1500 },
);
