import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { listAudit } from "../audit/audit.js";
import { formatDate } from "../ingredients/article/labels.js";
import { findIngredientRowBySlug } from "../ingredients/repository.js";
import { editorBrowser } from "./factories.js";
import { listRevisions } from "./repository.js";

const SLUG = "niacinamide";
const OLD_DATE = "2026-01-15T09:00:00.000Z";
const NEW_LINE = "An editor added this sentence about vitamin B3 while testing the workspace.";

// The page cache is ON here: publishing must clear it, or the public page would stay stale.
describeEachWeb(
  "article editing: publish, drafts, validation",
  (web) => {
    const browser = editorBrowser(web);
    let ana: Awaited<ReturnType<typeof browser.signedIn>>;
    let ben: Awaited<ReturnType<typeof browser.signedIn>>;

    before(async () => {
      ana = await browser.signedIn("ana@example.org", "admin");
      ben = await browser.signedIn("ben@example.org", "editor");
      // Revision 1 as if loaded in January, so that "Updated on" visibly moves.
      const row = await findIngredientRowBySlug(web().ctx.database.db, SLUG);
      await web()
        .ctx.database.db.updateTable("revisions")
        .set({ created_at: OLD_DATE })
        .where("ingredient_id", "=", row?.id ?? 0)
        .execute();
    });

    it("renders the editor with stable ids for every fact and section", async () => {
      const page = await ana.get(`/admin/articles/${SLUG}/edit`);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers["cache-control"], "no-store");
      for (const id of [
        "article-form",
        "fact-summary",
        "fact-name",
        "fact-alias-name-0",
        "fact-cas",
        "fact-ec",
        "fact-functions",
        "fact-origin",
        "fact-vegan",
        "fact-vegetarian",
        "fact-category-vitamin",
        "fact-comedogenic-value",
        "fact-comedogenic-basis",
        "fact-comedogenic-rationale",
        "fact-irritancy-basis",
        "fact-fungal-tier",
        "fact-pregnancy",
        "fact-sun-note",
        "fact-allergens",
        "fact-product-types",
        "fact-related",
        "fact-sources",
        "fact-reviewed",
        "section-what-is-it",
        "section-cosmetic-benefits-uses",
        "section-who-can-use-it",
        "section-potential-side-effects",
        "section-comedogenic-rating",
        "section-eu-status",
        "section-summary",
        "publish-note",
        "publish-correction",
        "publish-button",
      ]) {
        assert.match(page.body, new RegExp(`id="${id}"`), id);
      }
      const fields = await ana.openForm(SLUG);
      assert.equal(fields.get("base"), "1");
      assert.deepEqual(fields.getAll("aliasName").slice(0, 2), ["Nicotinamide", "Vitamin B3"]);
      assert.match(fields.get("section-what-is-it") ?? "", /^Niacinamide, also called nicotinamide/);
      assert.equal(fields.get("comedogenicValue"), "0");
      assert.deepEqual(fields.getAll("categories"), ["vitamin"]);
    });

    it("publishes: the public page shows the new text, date and revision; the field sources and audit say who", async () => {
      const before = await web().app.inject({ method: "GET", url: `/ingredients/${SLUG}` });
      assert.match(
        before.body,
        new RegExp(`Updated on <time datetime="${OLD_DATE}">${formatDate(OLD_DATE)}</time>`),
      );
      assert.doesNotMatch(before.body, new RegExp(NEW_LINE));
      const published = await ana.submit(SLUG, "publish", (f) => {
        f.set("section-what-is-it", `${f.get("section-what-is-it")}\n\n${NEW_LINE}`);
        f.set("note", "Added a sentence on vitamin B3");
      });
      assert.equal(published.statusCode, 303, published.body);
      assert.equal(published.headers.location, `/admin/articles/${SLUG}/edit?done=published&revision=2`);

      const after = await web().app.inject({ method: "GET", url: `/ingredients/${SLUG}` });
      assert.match(after.body, new RegExp(NEW_LINE));
      const revisions = await listRevisions(
        web().ctx.database.db,
        (await findIngredientRowBySlug(web().ctx.database.db, SLUG))?.id ?? 0,
      );
      const latest = revisions[0];
      assert.equal(latest?.number, 2);
      assert.equal(latest?.author, "ana@example.org");
      assert.equal(latest?.note, "Added a sentence on vitamin B3");
      assert.equal(latest?.isCorrection, false);
      assert.match(
        after.body,
        new RegExp(
          `Updated on <time datetime="${latest?.createdAt}">${formatDate(latest?.createdAt ?? "")}</time>`,
        ),
      );
      assert.match(after.body, /revision 2/);
      assert.notEqual(formatDate(latest?.createdAt ?? ""), formatDate(OLD_DATE));

      const row = await findIngredientRowBySlug(web().ctx.database.db, SLUG);
      assert.equal(row?.fieldSources["sections.What is it"], "editor");
      assert.equal(row?.fieldSources["facts.summary"], undefined, "only the changed field is the editor's");
      const audit = await listAudit(web().ctx.database.db, { action: "article.published" });
      assert.equal(audit.records[0]?.actor, "ana@example.org");
      assert.equal(audit.records[0]?.target, `ingredient:${SLUG}`);
      assert.deepEqual(audit.records[0]?.detail.fields, ["sections.What is it"]);
      const done = await ana.get(`/admin/articles/${SLUG}/edit?done=published&revision=2`);
      assert.match(done.body, /Published revision 2\./);
    });

    it("saves one draft per editor, shows it on reload, keeps it from readers and other editors, discards it", async () => {
      const saved = await ben.submit(SLUG, "save", (f) =>
        f.set("summary", `${f.get("summary")} Draft words.`),
      );
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/admin/articles/${SLUG}/edit?done=saved`);
      const reopened = await ben.openForm(SLUG);
      assert.match(reopened.get("summary") ?? "", /Draft words\.$/);
      assert.match((await ben.get(`/admin/articles/${SLUG}/edit?done=saved`)).body, /Draft saved\./);
      assert.doesNotMatch(
        (await ana.openForm(SLUG)).get("summary") ?? "",
        /Draft words/,
        "not another editor's",
      );
      const reader = await web().app.inject({ method: "GET", url: `/ingredients/${SLUG}` });
      assert.doesNotMatch(reader.body, /Draft words/);
      assert.match((await ben.get("/admin/articles")).body, /id="draft-list"[\s\S]*Niacinamide/);
      const again = await ben.submit(
        SLUG,
        "save",
        (f) => f.set("summary", `${f.get("summary")} More.`),
        reopened,
      );
      assert.equal(again.statusCode, 303);
      assert.match((await ben.openForm(SLUG)).get("summary") ?? "", /Draft words\. More\.$/);
      const discarded = await ben.submit(SLUG, "discard", () => {});
      assert.equal(discarded.statusCode, 303);
      assert.doesNotMatch((await ben.openForm(SLUG)).get("summary") ?? "", /Draft words/);
      const actions = (await listAudit(web().ctx.database.db, { actor: "ben@example.org" })).records.map(
        (r) => r.action,
      );
      assert.deepEqual(actions.slice(0, 3), [
        "article.draft_discarded",
        "article.draft_saved",
        "article.draft_saved",
      ]);
    });

    it("refuses what the corpus check would reject, with each error next to its field, and keeps the text", async () => {
      const refused = await ana.submit(SLUG, "publish", (f) => {
        f.set("summary", "Too short.");
        f.set("sources", "cosing\nno-such-work");
        f.set("related", "glycerin\nno-such-entry");
        f.set("comedogenicRationale", "short");
        f.set("cas", "98-92-0\nnot a cas");
        f.set("origin", "");
        f.set("section-summary", "");
      });
      assert.equal(refused.statusCode, 400);
      for (const id of [
        "fact-summary",
        "fact-sources",
        "fact-related",
        "fact-comedogenic-rationale",
        "fact-cas",
        "fact-origin",
        "section-summary",
        "fact-note",
      ]) {
        assert.match(refused.body, new RegExp(`id="${id}-error"`), id);
        if (id !== "fact-note")
          assert.match(refused.body, new RegExp(`id="${id}"[^>]*aria-invalid="true"`), id);
      }
      assert.match(refused.body, /no-such-work/);
      assert.match(refused.body, />Too short\.<\/textarea>/, "the editor's text stays in the form");
      const row = await findIngredientRowBySlug(web().ctx.database.db, SLUG);
      assert.equal((await listRevisions(web().ctx.database.db, row?.id ?? 0)).length, 2, "nothing published");
      const unchanged = await ana.submit(SLUG, "publish", (f) => f.set("note", "No change at all"));
      assert.equal(unchanged.statusCode, 400);
      assert.match(unchanged.body, /Nothing changed/);
    });

    it("previews the sections server-side without JavaScript, and through the live-preview endpoint", async () => {
      const preview = await ana.submit(SLUG, "preview", (f) =>
        f.set("section-summary", "A **bold** claim [cosing]."),
      );
      assert.equal(preview.statusCode, 200);
      assert.match(
        preview.body,
        /id="preview-section-summary"[^>]*><div><p>A <strong>bold<\/strong> claim <sup class="cite">/,
      );
      const live = await ana.post(
        "/admin/api/articles/preview",
        new URLSearchParams({ markdown: "*x* <script>alert(1)</script>" }),
      );
      assert.equal(live.statusCode, 200);
      assert.equal(live.json().html, "<p><em>x</em> &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    });
  },
  { pageCache: true },
);
