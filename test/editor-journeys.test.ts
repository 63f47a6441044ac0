import assert from "node:assert/strict";
import { it } from "node:test";
import type { Page } from "playwright-core";
import { makeEditor, TEST_PASSWORD } from "../src/editors/factories.js";
import { describeInBrowser, seriousAxeViolations } from "./browser.js";

const SLUG = "glycerin";
const EMAIL = "editor@example.org";

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/sign-in`);
  await page.fill("#si-email", EMAIL);
  await page.fill("#si-password", TEST_PASSWORD);
  await page.locator("form:has(#si-email) button[type='submit']").click();
  await page.waitForURL(/\/admin\/?$/);
}

/** Publish a new summary for the article, marked as a correction when `correction` is set. */
async function publishSummary(page: Page, baseUrl: string, summary: string, correction: boolean) {
  await page.goto(`${baseUrl}/admin/articles/${SLUG}/edit`);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.fill("#section-summary", summary);
  await page.fill(
    "#publish-note",
    correction ? "Corrected the summary after reader feedback" : "Clearer summary",
  );
  if (correction) await page.check("#publish-correction");
  await page.locator("#publish-button").click();
  await page.waitForLoadState("load");
}

describeInBrowser(
  "editor journeys",
  (t) => {
    it("signs in, edits an article, publishes, and the public page shows the new text and date", async () => {
      await makeEditor(t().ctx.database.db, EMAIL, "admin", TEST_PASSWORD);
      const page = await t().newPage();
      await signIn(page, t().baseUrl);
      assert.deepEqual(await seriousAxeViolations(page), []);
      const summary =
        "Glycerin draws water into the skin's outer layer; this sentence is new in revision two.";
      await publishSummary(page, t().baseUrl, summary, false);
      const reader = await t().browser.newPage();
      await reader.goto(`${t().baseUrl}/ingredients/${SLUG}`);
      const body = (await reader.locator("main").textContent()) ?? "";
      assert.ok(
        body.includes("this sentence is new in revision two"),
        "the public page shows the new summary",
      );
      const today = new Date().toLocaleDateString("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
      });
      const isoToday = new Date().toISOString().slice(0, 10);
      const updated = (await reader.locator("time").first().getAttribute("datetime")) ?? "";
      assert.ok(updated.startsWith(isoToday) || body.includes(today), `updated on ${updated}`);
      await reader.close();
      await page.close();
    });

    it("shows a reader's feedback in the inbox and a handled correction on the Corrections page", async () => {
      const reader = await t().browser.newPage();
      await reader.goto(`${t().baseUrl}/ingredients/${SLUG}`);
      await reader.fill("#feedback-comment", "The summary says the wrong thing about humectants.");
      await reader.locator(".feedback button[value='no']").click();
      await reader.waitForURL(/\/feedback/);
      await reader.close();

      const page = await t().newPage();
      await signIn(page, t().baseUrl);
      await page.goto(`${t().baseUrl}/admin/feedback?handled=no`);
      const item = page.locator("article.feedback-item", { hasText: "wrong thing about humectants" });
      await item.waitFor();
      assert.deepEqual(await seriousAxeViolations(page), []);
      const id = ((await item.getAttribute("id")) ?? "").replace("feedback-", "");

      await publishSummary(page, t().baseUrl, "Glycerin is a humectant: it draws water into the skin.", true);
      const revisions = await t()
        .ctx.database.db.selectFrom("revisions")
        .innerJoin("ingredients", "ingredients.id", "revisions.ingredient_id")
        .select((eb) => eb.fn.max("revisions.number").as("number"))
        .where("ingredients.slug", "=", SLUG)
        .executeTakeFirstOrThrow();
      await page.goto(`${t().baseUrl}/admin/feedback/${id}`);
      await page.fill(`#handle-note-${id}`, "Summary corrected.");
      await page.fill(`#handle-revision-${id}`, String(revisions.number));
      await page.locator(".handle-button").first().click();
      await page.waitForLoadState("load");
      const handled = await t()
        .ctx.database.db.selectFrom("feedback")
        .select(["handled_at", "correction_revision_id"])
        .where("id", "=", Number(id))
        .executeTakeFirstOrThrow();
      assert.notEqual(handled.handled_at, null);
      assert.notEqual(handled.correction_revision_id, null);

      const corrections = await t().browser.newPage();
      await corrections.goto(`${t().baseUrl}/corrections`);
      const text = (await corrections.locator("main").textContent()) ?? "";
      assert.ok(text.includes("Corrected the summary after reader feedback"), text.slice(0, 500));
      assert.deepEqual(await seriousAxeViolations(corrections), []);
      await corrections.close();
      await page.close();
    });
  },
  { outboxPollMs: 0, altchaCost: 1000, altchaMaxCounter: 1500 },
);
