import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { adminClient, csrfPair, formFields, notice, postForm } from "../editors/factories.js";
import { errorCode } from "../security/factories.js";
import { insertFeedback } from "./repository.js";

describeEachWeb("the feedback inbox: handling, corrections and the audit log", (web) => {
  const { app, get, account, sessionFor } = adminClient(web);
  const db = () => web().ctx.database.db;
  let editor = "";
  let admin = "";
  let csrf: { cookie: string; token: string };
  let onNiacinamide = 0;
  let onRetinol = 0;
  let fixId = 0;

  const ingredientId = (slug: string) => {
    const ingredient = web().ctx.dictionary.findBySlug(slug);
    assert.ok(ingredient, slug);
    return ingredient.id;
  };
  const row = (id: number) =>
    db().selectFrom("feedback").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const audits = (id: number) =>
    db().selectFrom("audit_log").selectAll().where("target", "=", `feedback:${id}`).orderBy("id").execute();

  /** Revision 2 of an article, marked as a correction (as the editing pages will publish it). */
  async function addCorrection(slug: string): Promise<number> {
    const first = await db()
      .selectFrom("revisions")
      .selectAll()
      .where("ingredient_id", "=", ingredientId(slug))
      .where("number", "=", 1)
      .executeTakeFirstOrThrow();
    const { id: _, ...copy } = first;
    const added = await db()
      .insertInto("revisions")
      .values({ ...copy, number: 2, author: "test", note: "Corrected the usage levels.", is_correction: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    return added.id;
  }

  before(async () => {
    await account("handler@example.org", "editor");
    await account("handler-admin@example.org", "admin");
    editor = await sessionFor("handler@example.org", "198.51.100.62");
    admin = await sessionFor("handler-admin@example.org", "198.51.100.62");
    csrf = await csrfPair(app());
    const feedback = (slug: string) => ({
      ingredientId: ingredientId(slug),
      revisionId: null,
      helpful: false,
      comment: "Wrong.",
    });
    onNiacinamide = await insertFeedback(db(), feedback("niacinamide"), new Date());
    onRetinol = await insertFeedback(db(), feedback("retinol"), new Date());
    fixId = await addCorrection("niacinamide");
  });

  it("marks feedback handled with a note and the correcting revision, audited", async () => {
    const back = "/admin/feedback?article=niacinamide&handled=no";
    const page = await get(back, editor, csrf);
    const action = `/admin/feedback/${onNiacinamide}/handle`;
    const fields = formFields(page.body, action, { correctionRevision: "2" });
    assert.equal(fields.back, back);
    const done = await postForm(
      app(),
      action,
      { ...fields, note: "Fixed the levels.\r\nThanks!" },
      csrf,
      editor,
    );
    assert.equal(done.statusCode, 303, done.body);
    assert.equal(done.headers.location, `${back}#feedback-${onNiacinamide}`);

    const stored = await row(onNiacinamide);
    assert.equal(stored.handled_by, "handler@example.org");
    assert.equal(stored.handled_note, "Fixed the levels.\nThanks!");
    assert.equal(stored.correction_revision_id, fixId);
    assert.ok(stored.handled_at);
    const [audit] = await audits(onNiacinamide);
    assert.equal(audit?.action, "feedback.handled");
    assert.equal(audit?.actor, "handler@example.org");
    assert.deepEqual(JSON.parse(audit?.detail ?? "{}"), {
      article: "niacinamide",
      correctionRevision: 2,
      note: "Fixed the levels.\nThanks!",
      wasHandled: false,
    });

    assert.doesNotMatch((await get(back, editor)).body, new RegExp(`id="feedback-${onNiacinamide}"`));
    const handled = await get("/admin/feedback?handled=yes", editor);
    const item =
      new RegExp(`id="feedback-${onNiacinamide}"[\\s\\S]*?</article>`).exec(handled.body)?.[0] ?? "";
    assert.match(item, /Handled by handler@example\.org/);
    assert.match(item, /corrected in <a href="\/admin\/articles\/niacinamide\/revisions">revision 2<\/a>/);
    assert.match(item, /<p class="feedback-text">Fixed the levels.\nThanks!<\/p>/);
    assert.match(item, />Fixed the levels.\nThanks!<\/textarea>/);
  });

  it("refuses a revision of another article, a missing one, and a note over 2,000 characters", async () => {
    const action = `/admin/feedback/${onRetinol}/handle`;
    // Retinol has only revision 1: revision 2 exists, but of niacinamide.
    const other = await postForm(app(), action, { note: "See rev 2", correctionRevision: "2" }, csrf, editor);
    assert.equal(other.statusCode, 400);
    assert.match(notice(other.body) ?? "", /no revision 2/);
    assert.match(other.body, />See rev 2<\/textarea>/, "what the editor typed is kept");
    assert.match(other.body, new RegExp(`id="handle-revision-${onRetinol}"[^>]*value="2"`));
    const zero = await postForm(app(), action, { note: "", correctionRevision: "0" }, csrf, editor);
    assert.equal(zero.statusCode, 400);
    const long = await postForm(app(), action, { note: "x".repeat(2001) }, csrf, editor);
    assert.equal(long.statusCode, 413);
    const bad = await postForm(app(), action, { note: "", correctionRevision: "two" }, csrf, editor);
    assert.equal(errorCode(bad), "bad_input");
    const away = await postForm(app(), action, { note: "", back: "https://evil.example/" }, csrf, editor);
    assert.equal(away.statusCode, 400);
    assert.equal((await row(onRetinol)).handled_at, null);
    assert.deepEqual(await audits(onRetinol), []);
    const missing = await postForm(app(), "/admin/feedback/999999/handle", { note: "" }, csrf, editor);
    assert.equal(missing.statusCode, 404);

    const fine = await postForm(
      app(),
      action,
      { note: "x".repeat(2000), correctionRevision: "" },
      csrf,
      editor,
    );
    assert.equal(fine.statusCode, 303);
    assert.equal(fine.headers.location, `/admin/feedback#feedback-${onRetinol}`);
    assert.equal((await row(onRetinol)).correction_revision_id, null);
  });

  it("un-handles (an admin too), clearing the note and correction, audited once", async () => {
    const page = await get(`/admin/feedback/${onNiacinamide}`, admin, csrf);
    assert.equal(page.statusCode, 200);
    const action = `/admin/feedback/${onNiacinamide}/unhandle`;
    const undone = await postForm(app(), action, formFields(page.body, action, {}), csrf, admin);
    assert.equal(undone.statusCode, 303);
    const stored = await row(onNiacinamide);
    assert.equal(stored.handled_at, null);
    assert.equal(stored.handled_by, null);
    assert.equal(stored.handled_note, null);
    assert.equal(stored.correction_revision_id, null);
    const again = await postForm(app(), action, {}, csrf, admin);
    assert.equal(again.statusCode, 303);
    const log = await audits(onNiacinamide);
    assert.deepEqual(
      log.map((a) => [a.action, a.actor]),
      [
        ["feedback.handled", "handler@example.org"],
        ["feedback.unhandled", "handler-admin@example.org"],
      ],
    );
    const detail = JSON.parse(log[1]?.detail ?? "{}");
    assert.equal(detail.previous.correctionRevisionNumber, 2);
    assert.equal(detail.previous.by, "handler@example.org");
  });

  it("requires the CSRF token on every post, and a session", async () => {
    for (const action of [
      `/admin/feedback/${onNiacinamide}/handle`,
      `/admin/feedback/${onRetinol}/unhandle`,
    ]) {
      const before = await row(action.includes("unhandle") ? onRetinol : onNiacinamide);
      const forged = await postForm(app(), action, { note: "forged" }, null, editor);
      assert.equal(forged.statusCode, 403, action);
      assert.equal(errorCode(forged), "csrf_invalid");
      const wrong = await postForm(
        app(),
        action,
        { note: "forged" },
        { ...csrf, token: "x".repeat(40) },
        editor,
      );
      assert.equal(wrong.statusCode, 403, action);
      const anonymous = await postForm(app(), action, { note: "forged" }, csrf);
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/admin\/sign-in/);
      assert.deepEqual(await row(before.id), before, "nothing changed");
    }
  });
});
