import assert from "node:assert/strict";
import { join } from "node:path";
import { it } from "node:test";
import { describeInBrowser, seriousAxeViolations, TEST_OUTPUT } from "./browser.js";

describeInBrowser("reader journeys", (t) => {
  it("shows the reference article, with screenshots at 1280 px and 375 px", async () => {
    const page = await t().newPage();
    await page.goto(`${t().baseUrl}/ingredients/human-amniotic-membrane-stem-cell-conditioned-media`);
    assert.match(
      (await page.locator("h1").textContent()) ?? "",
      /Human Amniotic Membrane Stem Cell Conditioned Media/,
    );
    await page.screenshot({ path: join(TEST_OUTPUT, "article-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: join(TEST_OUTPUT, "article-375.png"), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the article is ${overflow} px wider than a 375 px screen`);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.close();
  });

  it("has no serious or critical axe-core violation on any page type, light or dark", async () => {
    const pages = [
      "/",
      "/ingredients/human-amniotic-membrane-stem-cell-conditioned-media",
      "/ingredients?letter=g",
      "/functions",
      "/functions/humectant",
      "/search?q=niacinamde",
      "/search?q=zzzzqqq",
      "/decode",
      "/decode?text=Aqua%2C%20Glycerin%2C%20Parfum%2C%20Limonene",
      "/compare?a=Aqua%2C%20Glycerin&b=Aqua%2C%20Niacinamide",
      "/methodology",
      "/corrections",
      "/no-such-page",
      "/admin/sign-in",
    ];
    const page = await t().newPage();
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of pages) {
        await page.goto(`${t().baseUrl}${path}`);
        const violations = await seriousAxeViolations(page);
        assert.deepEqual(violations, [], `${path} (${scheme}): ${JSON.stringify(violations, null, 1)}`);
      }
    }
    await page.close();
  });

  it("finds an ingredient despite a typo and opens its article", async () => {
    const page = await t().newPage();
    await page.goto(`${t().baseUrl}/`);
    await page.fill("#site-q", "niacinamde");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=niacinamde/);
    await page.locator("main a[href='/ingredients/niacinamide']").first().click();
    await page.waitForURL(/\/ingredients\/niacinamide$/);
    assert.match((await page.locator("h1").textContent()) ?? "", /Niacinamide/);
    await page.close();
  });

  it("suggests ingredients while typing in the header search", async () => {
    const page = await t().newPage();
    await page.goto(`${t().baseUrl}/methodology`);
    await page.locator("#site-q").pressSequentially("vitamin e", { delay: 30 });
    const option = page.locator("[role='option']", { hasText: /tocopherol/i }).first();
    await option.waitFor();
    await option.click();
    await page.waitForURL(/\/ingredients\/tocopherol$/);
    await page.close();
  });
});
