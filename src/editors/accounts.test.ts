import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDatabase } from "../../test/databases.js";
import { listAudit } from "../audit/audit.js";
import { changeRole, createEditor, setDisabled } from "./accounts.js";
import { makeEditor, rejectsWith, suiteDatabase, tokenOf } from "./factories.js";
import { checkSetPasswordLink, issueSetPasswordLink, setPasswordWithLink } from "./links.js";
import { createSession, findSession } from "./sessions.js";

const T0 = new Date("2026-03-02T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;
const PASSWORD = "correct horse battery";

describeEachDatabase("editor accounts and links", (make) => {
  const database = suiteDatabase(make);

  it("creates an account with a normalised, unique, valid address and audits it", async () => {
    const editor = await createEditor(
      database().db,
      { email: "  Ana@Example.ORG ", role: "editor" },
      "cli",
      T0,
    );
    assert.equal(editor.email, "ana@example.org");
    assert.equal(editor.hasPassword, false);
    await rejectsWith(
      createEditor(database().db, { email: "ANA@example.org", role: "admin" }, "cli", T0),
      "editor_exists",
    );
    await rejectsWith(
      createEditor(database().db, { email: "not an address", role: "admin" }, "cli", T0),
      "invalid_email",
    );
    await rejectsWith(
      createEditor(database().db, { email: "b@example.org", role: "owner" }, "cli", T0),
      "bad_input",
    );
    const audit = await listAudit(database().db, { action: "editor.created", actor: "cli" });
    assert.deepEqual(
      audit.records.map((r) => [r.target, r.detail.role]),
      [["ana@example.org", "editor"]],
    );
  });

  it("a set-password link works once, within 72 hours, and only the newest one", async () => {
    const editor = await createEditor(
      database().db,
      { email: "link@example.org", role: "editor" },
      "cli",
      T0,
    );
    const first = await issueSetPasswordLink(database().db, "http://x", editor, "cli", T0);
    const second = await issueSetPasswordLink(database().db, "http://x", editor, "cli", T0);
    assert.match(second.url, /^http:\/\/x\/admin\/set-password\?token=[\w-]{43}$/);
    await rejectsWith(checkSetPasswordLink(database().db, tokenOf(first.url), T0), "link_invalid");
    await rejectsWith(
      checkSetPasswordLink(database().db, tokenOf(second.url), at(72 * HOUR)),
      "link_expired",
    );
    await rejectsWith(setPasswordWithLink(database().db, tokenOf(second.url), "short", T0), "bad_input");
    await rejectsWith(
      setPasswordWithLink(database().db, tokenOf(second.url), "x".repeat(201), T0),
      "bad_input",
    );
    await setPasswordWithLink(database().db, tokenOf(second.url), PASSWORD, at(HOUR));
    await rejectsWith(
      setPasswordWithLink(database().db, tokenOf(second.url), PASSWORD, at(HOUR)),
      "link_invalid",
    );
    const row = await database()
      .db.selectFrom("editors")
      .selectAll()
      .where("id", "=", editor.id)
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash ?? "", /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const stored = await database().db.selectFrom("editor_tokens").select("token_hash").execute();
    assert.ok(
      stored.every((t) => /^[0-9a-f]{64}$/.test(t.token_hash)),
      "only hashes of tokens are stored",
    );
    assert.ok(!stored.some((t) => t.token_hash === tokenOf(second.url)));
  });

  it("setting a password ends the account's sessions", async () => {
    const editor = await makeEditor(database().db, "reset@example.org", "editor", PASSWORD, T0);
    const session = await createSession(database().db, editor.id, {}, T0);
    const link = await issueSetPasswordLink(database().db, "http://x", editor, "cli", T0);
    await setPasswordWithLink(database().db, tokenOf(link.url), "another long password", at(HOUR));
    assert.equal(await findSession(database().db, session.token, at(HOUR)), null);
  });

  it("never leaves the site without an enabled admin", async () => {
    const admin = await makeEditor(database().db, "only-admin@example.org", "admin", PASSWORD, T0);
    await rejectsWith(changeRole(database().db, admin.id, "editor", "test", T0), "bad_input");
    await rejectsWith(setDisabled(database().db, admin.id, true, "test", T0), "bad_input");
    const second = await makeEditor(database().db, "second-admin@example.org", "admin", PASSWORD, T0);
    const demoted = await changeRole(database().db, admin.id, "editor", "second-admin@example.org", T0);
    assert.equal(demoted.role, "editor");
    await rejectsWith(setDisabled(database().db, second.id, true, "test", T0), "bad_input");
    const audit = await listAudit(database().db, { action: "editor.role_changed" });
    assert.deepEqual(audit.records[0]?.detail, { from: "admin", to: "editor" });
    assert.equal(audit.records[0]?.actor, "second-admin@example.org");
  });
});
