import assert from "node:assert/strict";
import { it } from "node:test";
import { describeInBrowser, seriousAxeViolations } from "./browser.js";

const LABEL = "Aqua, Glycerin, Cocos Nucifera Oil, Parfum, Limonene, Linalool, Phenoxyethanol";

describeInBrowser("decoder journeys", (t) => {
  it("decodes a pasted list and follows an ingredient link", async () => {
    const page = await t().newPage();
    await page.goto(`${t().baseUrl}/decode`);
    await page.fill("#decode-text", LABEL);
    // Instant analysis: the results appear without submitting, and the address becomes shareable.
    await page.locator("#decoder-results a[href='/ingredients/glycerin']").first().waitFor();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("text")?.includes("Glycerin"));
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.locator("#decoder-results a[href='/ingredients/glycerin']").first().click();
    await page.waitForURL(/\/ingredients\/glycerin$/);
    assert.match((await page.locator("h1").textContent()) ?? "", /Glycerin/);
    await page.close();
  });

  it("highlights the flags that matter to the reader's profile, kept in the browser only", async () => {
    const page = await t().newPage();
    const sent: string[] = [];
    page.on("request", (r) => sent.push(`${r.url()} ${r.postData() ?? ""}`));
    await page.goto(`${t().baseUrl}/decode?text=${encodeURIComponent(LABEL)}`);
    const allergenFlag = page.locator(".flag[data-concerns~='fragrance-sensitive']").first();
    await allergenFlag.waitFor();
    assert.equal(await allergenFlag.evaluate((el) => el.classList.contains("matters")), false);
    await page.check("#profile-fragrance-sensitive");
    await page.waitForFunction(() => document.querySelector(".flag.matters") !== null);
    assert.equal(await allergenFlag.evaluate((el) => el.classList.contains("matters")), true);
    assert.ok(!(await page.locator("[data-matters-summary]").first().isHidden()));
    // The choice survives a reload (localStorage) and was never sent to the server.
    await page.reload();
    await page.waitForFunction(() => document.querySelector(".flag.matters") !== null);
    assert.ok(
      sent.every((line) => !/fragrance-sensitive|profile/.test(line)),
      sent.join("\n"),
    );
    await page.close();
  });
});
