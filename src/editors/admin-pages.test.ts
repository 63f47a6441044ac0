import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachWeb } from "../../test/web.js";
import { adminClient, csrfPair, TEST_PASSWORD as PASSWORD, postForm, sessionCookieOf } from "./factories.js";
import { sha256 } from "./secrets.js";

describeEachWeb("admin sessions and editors pages", (web) => {
  const { app, get, signIn, sessionFor, account } = adminClient(web);

  it("creates the first admin on the command line", async () => {
    await account("chief@example.org", "admin");
  });

  it("revokes a session from another browser; an editor cannot revoke someone else's", async () => {
    const a = await sessionFor("chief@example.org", "198.51.100.6");
    const b = await sessionFor("chief@example.org", "198.51.100.6");
    const csrf = await csrfPair(app());
    const page = await get("/admin/sessions", a, csrf);
    assert.match(page.body, new RegExp(`/admin/sessions/${sha256(b)}/revoke`));
    assert.doesNotMatch(page.body, new RegExp(`/admin/sessions/${sha256(a)}/revoke`), "not the current one");
    assert.equal((await postForm(app(), `/admin/sessions/${sha256(b)}/revoke`, {}, csrf, a)).statusCode, 303);
    assert.equal((await get("/admin", b)).statusCode, 303);
    assert.equal((await get("/admin", a)).statusCode, 200);
    assert.equal((await postForm(app(), `/admin/sessions/${sha256(b)}/revoke`, {}, csrf, a)).statusCode, 404);

    await account("writer@example.org", "editor");
    const writer = await sessionFor("writer@example.org", "198.51.100.6");
    const mine = await get("/admin/sessions", writer, csrf);
    assert.doesNotMatch(mine.body, new RegExp(sha256(a)), "an editor sees only their own sessions");
    assert.match(
      (await get("/admin/sessions", a, csrf)).body,
      new RegExp(sha256(writer)),
      "an admin sees all",
    );
    const theft = await postForm(app(), `/admin/sessions/${sha256(a)}/revoke`, {}, csrf, writer);
    assert.equal(theft.statusCode, 404);
    assert.equal((await get("/admin", a)).statusCode, 200, "the writer could not revoke the admin's session");

    const c = await sessionFor("chief@example.org", "198.51.100.6");
    const everywhere = await postForm(app(), "/admin/sessions/revoke-all", {}, csrf, a);
    assert.equal(everywhere.headers.location, "/admin/sign-in");
    assert.equal((await get("/admin", a)).statusCode, 303);
    assert.equal((await get("/admin", c)).statusCode, 303);
    assert.equal((await get("/admin", writer)).statusCode, 200, "only the admin's own sessions");
  });

  it("an admin creates an editor, changes the role, disables and enables the account, all in the audit log", async () => {
    const admin = await sessionFor("chief@example.org", "198.51.100.7");
    const csrf = await csrfPair(app());
    const created = await postForm(
      app(),
      "/admin/editors",
      { email: "New@Example.org", role: "editor" },
      csrf,
      admin,
    );
    assert.equal(created.statusCode, 200);
    const link = /<code class="admin-link">([^<]+)<\/code>/.exec(created.body)?.[1] as string;
    assert.match(link, /\/admin\/set-password\?token=[\w-]{43}$/);
    const duplicate = await postForm(
      app(),
      "/admin/editors",
      { email: "new@example.org", role: "editor" },
      csrf,
      admin,
    );
    assert.equal(duplicate.statusCode, 409);
    const token = new URL(link).searchParams.get("token") as string;
    const set = await postForm(
      app(),
      "/admin/set-password",
      { token, password: PASSWORD, confirm: PASSWORD },
      csrf,
      undefined,
      "198.51.100.7",
    );
    const editor = sessionCookieOf(set) as string;
    assert.equal((await get("/admin/editors", editor)).statusCode, 403);
    assert.equal((await get("/admin/audit", editor)).statusCode, 403);

    const list = await get("/admin/editors", admin, csrf);
    const id = /new@example\.org[\s\S]*?\/admin\/editors\/(\d+)\/role/.exec(list.body)?.[1];
    assert.ok(id);
    assert.equal(
      (await postForm(app(), `/admin/editors/${id}/role`, { role: "admin" }, csrf, admin)).statusCode,
      303,
    );
    assert.equal((await get("/admin/editors", editor)).statusCode, 200, "the new role applies at once");
    assert.equal(
      (await postForm(app(), `/admin/editors/${id}/role`, { role: "editor" }, csrf, admin)).statusCode,
      303,
    );

    assert.equal((await postForm(app(), `/admin/editors/${id}/disable`, {}, csrf, admin)).statusCode, 303);
    assert.equal((await get("/admin", editor)).statusCode, 303, "a disabled editor is signed out");
    const refused = await signIn(csrf, "new@example.org", PASSWORD, "198.51.100.7");
    assert.equal(refused.statusCode, 401);
    assert.equal((await postForm(app(), `/admin/editors/${id}/enable`, {}, csrf, admin)).statusCode, 303);
    assert.equal((await signIn(csrf, "new@example.org", PASSWORD, "198.51.100.7")).statusCode, 303);

    const audit = await get("/admin/audit?action=editor.role_changed", admin);
    assert.equal(audit.statusCode, 200);
    assert.match(audit.body, /2 entries/);
    assert.match(audit.body, /&quot;to&quot;:&quot;admin&quot;|"to":"admin"/);
    const all = await get(`/admin/audit?actor=${encodeURIComponent("chief@example.org")}`, admin);
    for (const action of [
      "editor.created",
      "editor.link_issued",
      "editor.disabled",
      "editor.enabled",
      "session.sign_in",
    ]) {
      assert.match(all.body, new RegExp(`<td[^>]*>${action.replace(".", "\\.")}</td>`), action);
    }
    assert.equal((await get("/admin/audit?page=0", admin)).statusCode, 400);
    assert.equal((await get("/admin/audit?secret=1", admin)).statusCode, 400);
  });
});
