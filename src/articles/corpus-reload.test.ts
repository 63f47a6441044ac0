import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { describeEachWeb, smallCorpus, TEST_SLUGS } from "../../test/web.js";
import { listAudit } from "../audit/audit.js";
import { findIngredientRowBySlug, findStoredSections } from "../ingredients/repository.js";
import { loadBundledCorpus } from "../ingredients/service.js";
import { listPendingConflicts } from "./conflicts-repository.js";
import { editorBrowser } from "./factories.js";
import { findRevision, latestRevisionNumber } from "./repository.js";

const SLUG = "niacinamide";
const EDITOR_SUMMARY =
  "Niacinamide is vitamin B3 in a form that dissolves in water; an editor rewrote this summary for the test.";
const corpusSummary = (n: number) =>
  `Niacinamide, a form of vitamin B3, is summarised here by corpus version ${n} of the bundled content.`;

describeEachWeb("corpus reload never overwrites an editor's published change", (web) => {
  const browser = editorBrowser(web);
  let ana: Awaited<ReturnType<typeof browser.signedIn>>;
  let corpus: ReturnType<typeof smallCorpus>;
  let id = 0;
  const db = () => web().ctx.database.db;
  const file = () => join(corpus.dir, "ingredients", `${SLUG}.md`);
  /** Rewrite the corpus file's summary (and, optionally, another fact and a section) and reload. */
  const upgrade = async (summary: string, extra: (text: string) => string = (t) => t) => {
    const text = readFileSync(file(), "utf8").replace(/^summary: .*$/m, `summary: "${summary}"`);
    writeFileSync(file(), extra(text));
    return loadBundledCorpus(web().ctx.database, corpus.dir);
  };

  before(async () => {
    corpus = smallCorpus(TEST_SLUGS);
    ana = await browser.signedIn("ana@example.org", "editor");
    id = (await findIngredientRowBySlug(db(), SLUG))?.id ?? 0;
    const published = await ana.submit(SLUG, "publish", (f) => {
      f.set("summary", EDITOR_SUMMARY);
      f.append("aliasName", "Nicotinic acid amide");
      f.append("aliasKind", "chemical");
      f.set("note", "Clearer summary; another chemical name");
    });
    assert.equal(published.statusCode, 303, published.body);
  });
  after(() => corpus.remove());

  it("applies the fields editors did not touch, keeps theirs, publishes the merged state and reports the conflict", async () => {
    const report = await upgrade(corpusSummary(1), (t) =>
      t
        .replace(/^productTypes: \[/m, "productTypes: [lip balms, ")
        .replace("Start with moderate strengths", "Begin with moderate strengths"),
    );
    assert.equal(report.updated, 1);
    assert.deepEqual(report.conflicts, [{ slug: SLUG, fields: ["facts.summary"] }]);
    const row = await findIngredientRowBySlug(db(), SLUG);
    assert.equal(row?.facts.summary, EDITOR_SUMMARY, "the editor's field stays");
    assert.equal(row?.facts.productTypes?.[0], "lip balms", "the other field follows the corpus");
    assert.match((await findStoredSections(db(), id)).Summary ?? "", /^[\s\S]*Begin with moderate strengths/);
    const revision = await findRevision(db(), id, await latestRevisionNumber(db(), id));
    assert.equal(revision?.number, 3);
    assert.equal(revision?.author, "corpus");
    assert.equal(revision?.note, "Bundled corpus upgrade");
    assert.equal(revision?.content.facts.summary, EDITOR_SUMMARY, "the revision holds the merged state");
    assert.equal(revision?.content.facts.productTypes?.[0], "lip balms");
    assert.deepEqual(
      revision?.content.aliases.map((a) => `${a.name} (${a.kind})`),
      ["Nicotinamide (common)", "Nicotinic acid amide (chemical)", "Vitamin B3 (common)"],
    );
    await web().ctx.search.sync.poll();
    assert.equal(
      web().ctx.dictionary.exact("Nicotinic acid amide")?.ingredient.slug,
      SLUG,
      "editor's alias kept",
    );
    const page = await web().app.inject({ method: "GET", url: `/ingredients/${SLUG}` });
    assert.match(page.body, /Begin with moderate strengths/);
    assert.match(page.body, new RegExp(`<meta name="description" content="${EDITOR_SUMMARY}"`));
    const audit = await listAudit(db(), { action: "corpus.upgraded" });
    assert.deepEqual(audit.records[0]?.detail, { updated: 1, inserted: 0, revisions: 1, conflicts: 1 });
  });

  it("stores the conflict and shows both versions; keep mine dismisses it", async () => {
    const pending = await listPendingConflicts(db());
    assert.deepEqual(
      pending.map((c) => [c.slug, c.field, c.corpusValue]),
      [[SLUG, "facts.summary", corpusSummary(1)]],
    );
    const page = await ana.get("/admin/articles/conflicts");
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      new RegExp(`<td data-label="Field">Summary</td>[\\s\\S]*${EDITOR_SUMMARY}[\\s\\S]*${corpusSummary(1)}`),
    );
    assert.match((await ana.get("/admin/articles")).body, /1 field\(s\) changed by a corpus upgrade/);
    const kept = await ana.post(`/admin/articles/conflicts/${pending[0]?.id}/keep`, new URLSearchParams());
    assert.equal(kept.statusCode, 303);
    assert.match((await ana.get("/admin/articles/conflicts?done=kept")).body, /id="no-conflicts"/);
    assert.equal((await listAudit(db(), { action: "corpus_conflict.kept" })).total, 1);
    assert.equal((await findIngredientRowBySlug(db(), SLUG))?.facts.summary, EDITOR_SUMMARY);
    const again = await ana.post(`/admin/articles/conflicts/${pending[0]?.id}/keep`, new URLSearchParams());
    assert.equal(again.statusCode, 404, "a conflict is resolved once");
  });

  it("reports nothing when the corpus did not change the editor's field again", async () => {
    const same = await loadBundledCorpus(web().ctx.database, corpus.dir);
    assert.equal(same.updated, 0);
    const other = await upgrade(corpusSummary(1), (t) => t.replace("lip balms, ", "lip balms, lipsticks, "));
    assert.equal(other.updated, 1);
    assert.deepEqual(other.conflicts, [], "the summary did not change in the corpus since the last load");
    assert.equal((await listPendingConflicts(db())).length, 0);
  });

  it("takes the corpus version as a new revision; the field then follows the corpus again", async () => {
    const report = await upgrade(corpusSummary(2));
    assert.deepEqual(report.conflicts, [{ slug: SLUG, fields: ["facts.summary"] }]);
    const [conflict] = await listPendingConflicts(db());
    const before = await latestRevisionNumber(db(), id);
    const taken = await ana.post(`/admin/articles/conflicts/${conflict?.id}/take`, new URLSearchParams());
    assert.equal(taken.statusCode, 303);
    const revision = await findRevision(db(), id, before + 1);
    assert.equal(revision?.content.facts.summary, corpusSummary(2));
    assert.equal(revision?.author, "ana@example.org");
    assert.equal(revision?.note, "Took the bundled corpus version of summary");
    const row = await findIngredientRowBySlug(db(), SLUG);
    assert.equal(row?.facts.summary, corpusSummary(2));
    assert.equal(row?.fieldSources["facts.summary"], undefined);
    assert.equal((await listAudit(db(), { action: "corpus_conflict.taken" })).total, 1);
    const next = await upgrade(corpusSummary(3));
    assert.deepEqual(next.conflicts, []);
    assert.equal((await findIngredientRowBySlug(db(), SLUG))?.facts.summary, corpusSummary(3));
  });
});
