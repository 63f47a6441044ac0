import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { adminClient } from "../editors/factories.js";
import { errorCode, FORM_TEST_CONFIG, postJson, solvedAltcha } from "../security/factories.js";
import { insertFeedback } from "./repository.js";

/** The ids of the feedback items on an inbox page, in page order. */
function idsOn(body: string): number[] {
  return [...body.matchAll(/<article class="feedback-item" id="feedback-(\d+)"/g)].map((m) => Number(m[1]));
}

/** The article slugs of the per-article page, in row order. */
function slugsOn(body: string): string[] {
  return [...body.matchAll(/<tr id="article-feedback-([a-z0-9-]+)"/g)].map((m) => m[1] as string);
}

describeEachWeb(
  "the feedback inbox: listing, filters, pages and the helpful ratio",
  (web) => {
    const { get, account, sessionFor } = adminClient(web);
    let editor = "";
    const ids: Record<string, number[]> = {};
    const SEEDED = ["niacinamide", "tocopherol", "retinol", "dimethicone"];

    /** Feedback stored as the reader form stores it, at a known time (minutes after a fixed start). */
    async function seed(slug: string, helpful: boolean, minute: number, comment: string | null = null) {
      const { ctx } = web();
      const ingredient = ctx.dictionary.findBySlug(slug);
      assert.ok(ingredient, slug);
      const revision = await ctx.database.db
        .selectFrom("revisions")
        .select("id")
        .where("ingredient_id", "=", ingredient.id)
        .where("number", "=", 1)
        .executeTakeFirstOrThrow();
      const at = new Date(Date.UTC(2024, 0, 1, 0, minute));
      const id = await insertFeedback(
        ctx.database.db,
        { ingredientId: ingredient.id, revisionId: revision.id, helpful, comment },
        at,
      );
      ids[slug] = [...(ids[slug] ?? []), id];
    }

    before(async () => {
      await account("inbox-reader@example.org", "editor");
      editor = await sessionFor("inbox-reader@example.org", "198.51.100.61");
      await seed("niacinamide", true, 1, "Clear.");
      await seed("niacinamide", false, 2, "Too vague about concentrations.");
      await seed("niacinamide", false, 3);
      await seed("tocopherol", true, 4);
      await seed("tocopherol", true, 5);
      await seed("retinol", false, 6, "Missing the pregnancy warning.");
      for (let i = 0; i < 55; i++) await seed("dimethicone", true, 100 + i);
    });

    it("is behind the sign-in: a reader is sent to sign in", async () => {
      for (const url of [
        "/admin/feedback",
        "/admin/feedback/articles",
        `/admin/feedback/${ids.retinol?.[0]}`,
      ]) {
        const response = await get(url);
        assert.equal(response.statusCode, 303, url);
        assert.match(String(response.headers.location), /^\/admin\/sign-in/);
      }
    });

    it("lists a reader's feedback, newest first, its comment as escaped text with its line breaks", async () => {
      const { app } = web();
      const comment = '<script>alert("x")</script>\nSecond line <b>bold</b> & more';
      const sent = await postJson(
        app,
        "/api/v1/ingredients/squalane/feedback",
        { helpful: false, comment, altcha: await solvedAltcha(app) },
        { ip: "10.61.0.1" },
      );
      assert.equal(sent.statusCode, 201);
      const page = await get("/admin/feedback", editor);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers["cache-control"], "no-store");
      const [newest] = idsOn(page.body);
      const row = new RegExp(`id="feedback-${newest}"[\\s\\S]*?</article>`).exec(page.body)?.[0] ?? "";
      assert.match(row, /href="\/ingredients\/squalane"/);
      assert.match(row, /href="\/admin\/articles\/squalane\/revisions">revision 1</);
      assert.match(row, /<dd class="feedback-no">No<\/dd>/);
      assert.match(
        row,
        /<p class="feedback-text feedback-comment">&lt;script>alert\(&quot;x&quot;\)&lt;\/script>\nSecond line &lt;b>bold&lt;\/b> &amp; more<\/p>/,
      );
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.doesNotMatch(page.body, /<b>bold/);
      assert.match(row, /Not handled/);
      assert.match(row, /class="handle-form"/);
      assert.match(row, new RegExp(`<textarea id="handle-note-${newest}" name="note"`));
      assert.match(row, new RegExp(`id="handle-revision-${newest}" name="correctionRevision"`));
      assert.match(row, /<button type="submit" class="handle-button">Mark handled<\/button>/);
    });

    it("filters by article (an alias slug too), helpful or not, handled or not", async () => {
      const niacinamide = await get("/admin/feedback?article=niacinamide", editor);
      assert.deepEqual(idsOn(niacinamide.body), [...(ids.niacinamide ?? [])].reverse());
      const unhelpful = await get("/admin/feedback?article=niacinamide&helpful=no", editor);
      assert.deepEqual(idsOn(unhelpful.body), [ids.niacinamide?.[2], ids.niacinamide?.[1]]);
      const helpful = await get("/admin/feedback?article=niacinamide&helpful=yes&handled=", editor);
      assert.deepEqual(idsOn(helpful.body), [ids.niacinamide?.[0]]);
      assert.match(helpful.body, /<option value="yes" selected>yes<\/option>/);
      assert.deepEqual(
        idsOn((await get("/admin/feedback?article=retinol&handled=no", editor)).body),
        ids.retinol,
      );
      const alias = await get("/admin/feedback?article=vitamin-e", editor);
      assert.deepEqual(idsOn(alias.body), [...(ids.tocopherol ?? [])].reverse());
      assert.deepEqual(idsOn((await get("/admin/feedback?handled=yes", editor)).body), []);
      const all = idsOn((await get("/admin/feedback?helpful=no", editor)).body);
      for (const id of [...(ids.retinol ?? []), ids.niacinamide?.[1]]) assert.ok(all.includes(id as number));
      assert.ok(!all.includes(ids.tocopherol?.[0] as number));
    });

    it("refuses a bad query with a 400 page", async () => {
      for (const query of [
        "article=no-such-article",
        "article=%3Cb%3E",
        "helpful=maybe",
        "handled=1",
        "page=0",
        "page=x",
        "secret=1",
      ]) {
        const response = await get(`/admin/feedback?${query}`, editor);
        assert.equal(response.statusCode, 400, query);
        assert.match(String(response.headers["content-type"]), /text\/html/);
        assert.equal(errorCode(response), "bad_input", query);
      }
    });

    it("pages by 50, newest first, keeping the filter in the pager's links", async () => {
      const first = await get("/admin/feedback?article=dimethicone", editor);
      const expected = [...(ids.dimethicone ?? [])].reverse();
      assert.deepEqual(idsOn(first.body), expected.slice(0, 50));
      assert.match(first.body, /55 feedback, page 1 of 2/);
      assert.match(first.body, /href="\/admin\/feedback\?article=dimethicone&amp;page=2">Older</);
      const second = await get("/admin/feedback?article=dimethicone&page=2", editor);
      assert.deepEqual(idsOn(second.body), expected.slice(50));
      assert.match(second.body, /href="\/admin\/feedback\?article=dimethicone">Newer</);
      assert.deepEqual(idsOn((await get("/admin/feedback?article=dimethicone&page=3", editor)).body), []);
    });

    it("shows the helpful ratio per article, sortable, with links to the filtered inbox", async () => {
      const least = await get("/admin/feedback/articles", editor);
      assert.equal(least.statusCode, 200);
      const order = (body: string) => slugsOn(body).filter((s) => SEEDED.includes(s));
      // Ties (100%) go to the article with more feedback.
      assert.deepEqual(order(least.body), ["retinol", "niacinamide", "dimethicone", "tocopherol"]);
      const row = /<tr id="article-feedback-niacinamide">[\s\S]*?<\/tr>/.exec(least.body)?.[0] ?? "";
      assert.match(row, /33% \(1 of 3\)/);
      assert.match(row, /<td data-label="Not handled">3<\/td>/);
      assert.match(row, /href="\/admin\/feedback\?article=niacinamide&amp;helpful=no"/);
      assert.match(row, /href="\/admin\/feedback\?article=niacinamide&amp;handled=no"/);
      assert.match(row, /href="\/ingredients\/niacinamide"/);
      const most = await get("/admin/feedback/articles?sort=most-feedback", editor);
      assert.deepEqual(order(most.body), ["dimethicone", "niacinamide", "tocopherol", "retinol"]);
      const named = await get("/admin/feedback/articles?sort=article", editor);
      assert.deepEqual(order(named.body), ["dimethicone", "niacinamide", "retinol", "tocopherol"]);
      assert.match(named.body, /5 articles with feedback/);
      assert.equal((await get("/admin/feedback/articles?sort=worst", editor)).statusCode, 400);
    });

    it("links the unhandled count from the dashboard", async () => {
      const dashboard = await get("/admin", editor);
      assert.match(
        dashboard.body,
        /<a href="\/admin\/feedback\?handled=no" id="dashboard-unhandled">62<\/a>/,
      );
    });
  },
  FORM_TEST_CONFIG,
);
