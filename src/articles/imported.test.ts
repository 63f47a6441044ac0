import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { listAudit } from "../audit/audit.js";
import { importCosingRows } from "../importers/cosing-import.js";
import { parseCosingInventory } from "../importers/cosing-parse.js";
import { findIngredientRowBySlug } from "../ingredients/repository.js";
import { recordContentChange } from "../search/content-sync.js";
import { editorBrowser, prose } from "./factories.js";
import { sectionField } from "./form.js";

const SLUG = "inci-atlas-test-ester";
const cosing = (functions: string) =>
  ["inci_name,cas_number,einecs_number,function", `INCI ATLAS TEST ESTER,99999-99-9,,"${functions}"`].join(
    "\n",
  );

const SECTIONS: Record<string, string> = {
  "What is it": prose(120, "ester"),
  "Cosmetic benefits/uses": `- **Binding**: ${prose(40, "binding")}\n- **Emollient**: ${prose(40, "soft")}`,
  "Who can use it": prose(60, "skin"),
  "Potential side effects": `- Redness in rare cases.\n\n${prose(40, "side")}`,
  "Comedogenic rating": "**Not rated.** No test and no basis for an estimate.",
  Summary: prose(40, "summary"),
};

describeEachWeb("writing the first article of an imported-only ingredient", (web) => {
  const browser = editorBrowser(web);
  let ana: Awaited<ReturnType<typeof browser.signedIn>>;
  const db = () => web().ctx.database.db;

  before(async () => {
    await importCosingRows(db(), parseCosingInventory(cosing("Binding, Emollient")).rows);
    const row = await findIngredientRowBySlug(db(), SLUG);
    assert.equal(row?.source, "cosing");
    // An import on another instance reaches this one through a restart; here, through a change.
    await recordContentChange(db(), [row?.id ?? 0]);
    await web().ctx.search.sync.poll();
    ana = await browser.signedIn("ana@example.org", "editor");
  });

  it("finds it in the list without an article, with a link to write one", async () => {
    const list = await ana.get("/admin/articles?q=test+ester&article=without");
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`<a href="/admin/articles/${SLUG}/edit">Write an article</a>`));
    assert.match(list.body, /imported facts only/);
    const withArticle = await ana.get("/admin/articles?q=test+ester&article=with");
    assert.doesNotMatch(withArticle.body, new RegExp(SLUG));
    assert.match(
      (await ana.get("/admin/articles?q=glycerin&article=with")).body,
      /\/admin\/articles\/glycerin\/edit">Edit</,
    );
  });

  it("refuses a partial article, then publishes the full one as revision 1", async () => {
    const page = await ana.get(`/admin/articles/${SLUG}/edit`);
    assert.match(page.body, /<h1>Write an article: Inci Atlas Test Ester<\/h1>/);
    assert.match(page.body, /No revision yet/);
    const facts = (f: URLSearchParams) => {
      f.set("origin", "synthetic");
      f.set("vegan", "yes");
      f.set("vegetarian", "yes");
      f.set(
        "summary",
        "A made-up ester used to test how an editor writes a first article for imported facts.",
      );
      f.set("sources", "cosing");
      f.set("reviewed", "2026-11-20");
      f.set("note", "First article");
    };
    const partial = await ana.submit(SLUG, "publish", (f) => {
      facts(f);
      f.set(sectionField("What is it"), prose(50));
    });
    assert.equal(partial.statusCode, 400);
    assert.match(partial.body, /id="section-summary-error">A full article needs the section/);
    assert.match(partial.body, /The article has \d+ words; a full article has 350-900/);

    const published = await ana.submit(SLUG, "publish", (f) => {
      facts(f);
      for (const [heading, text] of Object.entries(SECTIONS)) f.set(sectionField(heading), text);
    });
    assert.equal(published.statusCode, 303, published.body);
    assert.equal(published.headers.location, `/admin/articles/${SLUG}/edit?done=published&revision=1`);
    const reader = await web().app.inject({ method: "GET", url: `/ingredients/${SLUG}` });
    assert.equal(reader.statusCode, 200);
    assert.match(reader.body, /<h2 id="what-is-it-title">What is it<\/h2>/);
    assert.match(reader.body, /revision 1/);
    assert.match(reader.body, /Sentence 3 about the ester ingredient/);
    const row = await findIngredientRowBySlug(db(), SLUG);
    assert.equal(row?.source, "editor");
    assert.equal(row?.hasArticle, true);
    const audit = await listAudit(db(), { action: "article.created" });
    assert.equal(audit.records[0]?.target, `ingredient:${SLUG}`);
    assert.equal(audit.records[0]?.actor, "ana@example.org");
  });

  it("a later CosIng import no longer overwrites the authored facts", async () => {
    await importCosingRows(db(), parseCosingInventory(cosing("Solvent")).rows);
    assert.deepEqual((await findIngredientRowBySlug(db(), SLUG))?.functions, ["Binding", "Emollient"]);
  });
});
