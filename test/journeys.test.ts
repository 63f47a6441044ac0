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
});
