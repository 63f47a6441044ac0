import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { listAudit } from "../audit/audit.js";
import { findIngredientRowBySlug, findStoredSections } from "../ingredients/repository.js";
import { browserFields, editorBrowser } from "./factories.js";
import { findRevision, latestRevisionNumber } from "./repository.js";

const SLUG = "glycerin";
const ANA_LINE = "Ana's sentence: glycerin draws water into the outer layer of the skin.";
const BEN_LINE = "Ben's sentence: glycerin is also used in toothpaste and food.";

describeEachWeb("article history: stale edits, revisions, diff, restore", (web) => {
  const browser = editorBrowser(web);
  let ana: Awaited<ReturnType<typeof browser.signedIn>>;
  let ben: Awaited<ReturnType<typeof browser.signedIn>>;
  let id = 0;
  const db = () => web().ctx.database.db;
  const summarySection = async () => (await findStoredSections(db(), id)).Summary ?? "";

  before(async () => {
    ana = await browser.signedIn("ana@example.org", "admin");
    ben = await browser.signedIn("ben@example.org", "editor");
    id = (await findIngredientRowBySlug(db(), SLUG))?.id ?? 0;
  });

  it("refuses a publish based on a stale revision with the three-way diff, keeping the editor's text", async () => {
    const anaForm = await ana.openForm(SLUG);
    assert.equal(anaForm.get("base"), "1");
    const benDone = await ben.submit(SLUG, "publish", (f) => {
      f.set("section-summary", `${f.get("section-summary")}\n\n${BEN_LINE}`);
      f.set("note", "Ben's addition");
    });
    assert.equal(benDone.statusCode, 303, benDone.body);

    const refused = await ana.submit(
      SLUG,
      "publish",
      (f) => {
        f.set("section-summary", `${f.get("section-summary")}\n\n${ANA_LINE}`);
        f.set("note", "Ana's addition");
      },
      anaForm,
    );
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /data-error-code="stale_revision"/);
    assert.match(refused.body, /Revision 2 was published while you were editing/);
    const [sinceBase, yours] = refused.body.split("Your version against revision 2");
    assert.match(
      sinceBase ?? "",
      new RegExp(`class="diff-add">.*${BEN_LINE.slice(0, 20)}`),
      "what Ben published",
    );
    assert.match(yours ?? "", new RegExp(`class="diff-add">.*${ANA_LINE.slice(0, 20)}`), "what Ana changed");
    const kept = browserFields(refused.body, "article-form");
    assert.match(
      kept.get("section-summary") ?? "",
      new RegExp(`${ANA_LINE}$`),
      "Ana's text stays in the form",
    );
    assert.equal(kept.get("note"), "Ana's addition");
    assert.equal(kept.get("base"), "2", "the form is now based on the current revision");
    assert.match(await summarySection(), new RegExp(BEN_LINE), "nothing was overwritten");
    assert.doesNotMatch(await summarySection(), new RegExp(ANA_LINE));
    assert.equal(await latestRevisionNumber(db(), id), 2);

    // Saving a draft on the stale base is refused the same way.
    anaForm.set("intent", "save");
    const staleSave = await ana.post(`/admin/articles/${SLUG}/edit`, anaForm);
    assert.equal(staleSave.statusCode, 409);
    assert.match(staleSave.body, /data-error-code="stale_revision"/);

    // Having seen the diff, Ana merges (keeps both lines) and publishes on revision 2.
    const merged = await ana.submit(
      SLUG,
      "publish",
      (f) => {
        f.set(
          "section-summary",
          `${f.get("section-summary")}\n\n${BEN_LINE}`.replace(
            `${ANA_LINE}\n\n${BEN_LINE}`,
            `${BEN_LINE}\n\n${ANA_LINE}`,
          ),
        );
      },
      kept,
    );
    assert.equal(merged.statusCode, 303, merged.body);
    const text = await summarySection();
    assert.ok(text.includes(BEN_LINE) && text.includes(ANA_LINE), text);
  });

  it("lists the revisions with date, author, note and correction mark", async () => {
    const fixed = await ben.submit(SLUG, "publish", (f) => {
      f.set("productTypes", `${f.get("productTypes")}\ntoothpastes`);
      f.set("note", "Glycerin is in toothpaste too; the product types missed it");
      f.set("correction", "on");
    });
    assert.equal(fixed.statusCode, 303);
    const page = await ben.get(`/admin/articles/${SLUG}/revisions`);
    assert.equal(page.statusCode, 200);
    const rows = [...page.body.matchAll(/<tr id="revision-(\d+)">([\s\S]*?)<\/tr>/g)];
    assert.deepEqual(
      rows.map((r) => r[1]),
      ["4", "3", "2", "1"],
    );
    const [four, three, , one] = rows.map((r) => r[2] ?? "");
    assert.match(four ?? "", /ben@example\.org[\s\S]*the product types missed it[\s\S]*>correction</);
    assert.match(four ?? "", /\(published\)/);
    assert.match(
      three ?? "",
      /ana@example\.org[\s\S]*Ana&#39;s addition|ana@example\.org[\s\S]*Ana's addition/,
    );
    assert.doesNotMatch(three ?? "", />correction</);
    assert.match(one ?? "", />corpus<[\s\S]*Bundled corpus/);
    assert.match(page.body, /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });

  it("shows any two revisions side by side: facts field by field, sections line by line", async () => {
    const page = await ana.get(`/admin/articles/${SLUG}/revisions?from=1&to=4`);
    assert.equal(page.statusCode, 200);
    const diff = page.body.slice(page.body.indexOf('id="revision-diff"'));
    assert.match(
      diff,
      /<th scope="row">Product types<\/th><td class="diff-del">[\s\S]*?<\/td><td class="diff-add"><span class="diff-value">[^<]*toothpastes/,
    );
    assert.match(diff, /<caption>Section: Summary<\/caption>/);
    assert.match(
      diff,
      new RegExp(
        `class="diff-add"><span class="visually-hidden">added: </span>[\\s\\S]*?${BEN_LINE.slice(0, 25)}`,
      ),
    );
    assert.doesNotMatch(diff, /Section: What is it/, "unchanged sections are not listed");
    assert.equal((await ana.get(`/admin/articles/${SLUG}/revisions?from=1`)).statusCode, 400);
    assert.equal((await ana.get(`/admin/articles/${SLUG}/revisions?from=1&to=99`)).statusCode, 404);
  });

  it("restores an old revision as a new one, audited; a stale restore is refused", async () => {
    const stale = await ana.post(
      `/admin/articles/${SLUG}/revisions/1/restore`,
      new URLSearchParams({ base: "3" }),
    );
    assert.equal(stale.statusCode, 409);
    assert.equal(await latestRevisionNumber(db(), id), 4);
    const restored = await ana.post(
      `/admin/articles/${SLUG}/revisions/1/restore`,
      new URLSearchParams({ base: "4" }),
    );
    assert.equal(restored.statusCode, 303);
    assert.equal(restored.headers.location, `/admin/articles/${SLUG}/revisions?restored=5`);
    const [one, five] = await Promise.all([findRevision(db(), id, 1), findRevision(db(), id, 5)]);
    assert.equal(five?.note, "Restored revision 1");
    assert.equal(five?.author, "ana@example.org");
    assert.deepEqual(five?.content.sections, one?.content.sections);
    assert.deepEqual(five?.content.facts.productTypes, one?.content.facts.productTypes);
    assert.doesNotMatch(await summarySection(), new RegExp(BEN_LINE));
    const reader = await web().app.inject({ method: "GET", url: `/ingredients/${SLUG}` });
    assert.doesNotMatch(reader.body, new RegExp(BEN_LINE.slice(0, 30)));
    assert.match(reader.body, /revision 5/);
    const audit = await listAudit(db(), { action: "article.restored" });
    assert.equal(audit.total, 1);
    assert.deepEqual(audit.records[0]?.detail.restored, 1);
    const again = await ana.post(
      `/admin/articles/${SLUG}/revisions/1/restore`,
      new URLSearchParams({ base: "5" }),
    );
    assert.equal(again.statusCode, 400, "restoring what is published changes nothing");
    const published = await listAudit(db(), { action: "article.published" });
    assert.equal(published.total, 3, "Ben, Ana's merge, Ben's correction");
  });
});
