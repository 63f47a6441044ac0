import assert from "node:assert/strict";
import { before, it } from "node:test";
import { describeEachDatabase } from "../../test/databases.js";
import { listAudit } from "../audit/audit.js";
import { createEditor, setDisabled } from "./accounts.js";
import { makeEditor, rejectsWith, suiteDatabase } from "./factories.js";
import { createSession, findSession, revokeSession } from "./sessions.js";
import { signIn } from "./sign-in.js";

const T0 = new Date("2026-03-02T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PASSWORD = "correct horse battery";

describeEachDatabase("sign-in, lockout and sessions", (make) => {
  const database = suiteDatabase(make);
  before(() => makeEditor(database().db, "ed@example.org", "editor", PASSWORD, T0).then(() => undefined));

  const attempt = (email: string, password: string, now: Date) =>
    signIn(database().db, { email, password, ip: "192.0.2.1", userAgent: "test" }, now);

  it("signs in with the right password, any case of the address", async () => {
    const signedIn = await attempt("ED@example.org ", PASSWORD, T0);
    assert.equal(signedIn.editor.email, "ed@example.org");
    const session = await findSession(database().db, signedIn.token, T0);
    assert.equal(session?.editor.email, "ed@example.org");
    const audit = await listAudit(database().db, { action: "session.sign_in", actor: "ed@example.org" });
    assert.equal(audit.total, 1);
    assert.deepEqual(audit.records[0]?.detail, { ip: "192.0.2.1", via: "password" });
  });

  it("answers a wrong password, an unknown address and an account without password alike", async () => {
    await createEditor(database().db, { email: "nopass@example.org", role: "editor" }, "cli", T0);
    const wrong = await rejectsWith(attempt("ed@example.org", "wrong password!!", T0), "invalid_credentials");
    const unknown = await rejectsWith(attempt("nobody@example.org", PASSWORD, T0), "invalid_credentials");
    const noPassword = await rejectsWith(attempt("nopass@example.org", PASSWORD, T0), "invalid_credentials");
    assert.equal(wrong.message, unknown.message);
    assert.equal(wrong.message, noPassword.message);
    // The audit log (admins only) keeps the reason.
    const failures = await listAudit(database().db, { action: "session.sign_in_failed" });
    assert.deepEqual(failures.records.map((r) => r.detail.reason).sort(), [
      "no_password",
      "unknown_email",
      "wrong_password",
    ]);
    // A password typed into the address field never reaches the log.
    await rejectsWith(attempt("my secret password", PASSWORD, T0), "invalid_credentials");
    const last = (await listAudit(database().db, { action: "session.sign_in_failed" })).records[0];
    assert.equal(last?.target, "(not an e-mail address)");
    await attempt("ed@example.org", PASSWORD, T0); // a success resets the count
  });

  it("locks after 5 failures for 1 minute, then 2, 4 ... up to 15, and always lets the right password in after", async () => {
    const start = at(DAY);
    let now = start;
    for (let i = 1; i <= 4; i++)
      await rejectsWith(attempt("ed@example.org", `wrong ${i}`, now), "invalid_credentials");
    await rejectsWith(attempt("ed@example.org", "wrong 5", now), "invalid_credentials");
    // Locked: even the right password is refused, with the wait.
    const locked = (await rejectsWith(
      attempt("ed@example.org", PASSWORD, at(DAY + 59_000)),
      "account_locked",
    )) as Error & {
      retryAfterSeconds: number;
    };
    assert.equal(locked.retryAfterSeconds, 1);
    const expected = [2, 4, 8, 15, 15];
    for (const minutes of expected) {
      now = new Date(now.getTime() + 16 * 60_000); // after any lock so far
      await rejectsWith(attempt("ed@example.org", "wrong again", now), "invalid_credentials");
      const justBefore = new Date(now.getTime() + minutes * 60_000 - 1000);
      await rejectsWith(attempt("ed@example.org", PASSWORD, justBefore), "account_locked");
      const row = await database()
        .db.selectFrom("sign_in_throttle")
        .select("locked_until")
        .executeTakeFirst();
      assert.equal(Date.parse(row?.locked_until ?? "") - now.getTime(), minutes * 60_000);
    }
    // The lock expires: the right password gets in and the count starts again.
    now = new Date(now.getTime() + 15 * 60_000);
    await attempt("ed@example.org", PASSWORD, now);
    await rejectsWith(attempt("ed@example.org", "wrong", now), "invalid_credentials");
    await attempt("ed@example.org", PASSWORD, now);
    const locks = await listAudit(database().db, { action: "session.locked", actor: "anonymous" });
    assert.equal(locks.total, 6);
  });

  it("locks an unknown address exactly like a real one (the lock reveals no account)", async () => {
    const start = at(3 * DAY);
    for (let i = 0; i < 5; i++)
      await rejectsWith(attempt("ghost@example.org", "whatever pass", start), "invalid_credentials");
    const ghost = await rejectsWith(attempt("ghost@example.org", "whatever pass", start), "account_locked");
    for (let i = 0; i < 5; i++)
      await rejectsWith(attempt("ed@example.org", "whatever pass", start), "invalid_credentials");
    const real = await rejectsWith(attempt("ed@example.org", "whatever pass", start), "account_locked");
    assert.equal(ghost.message, real.message);
  });

  it("forgets failures after a quiet day", async () => {
    const start = at(5 * DAY);
    for (let i = 0; i < 4; i++)
      await rejectsWith(attempt("ed@example.org", "nope nope nope", start), "invalid_credentials");
    // A day later, one more failure does not lock: the count started again.
    await rejectsWith(attempt("ed@example.org", "nope nope nope", at(6 * DAY + 1000)), "invalid_credentials");
    await attempt("ed@example.org", PASSWORD, at(6 * DAY + 2000));
  });

  it("a session slides with use, ends after 14 idle days or 90 in all, and when revoked", async () => {
    const { id: editorId } = await database()
      .db.selectFrom("editors")
      .select("id")
      .where("email", "=", "ed@example.org")
      .executeTakeFirstOrThrow();
    const idle = await createSession(database().db, editorId, {}, T0);
    assert.ok(await findSession(database().db, idle.token, at(14 * DAY - 1000)));
    // That use moved the end 14 days on; 13 more idle days later it still works, 15 later not.
    assert.ok(await findSession(database().db, idle.token, at(27 * DAY)));
    assert.equal(await findSession(database().db, idle.token, at(42 * DAY)), null);

    const busy = await createSession(database().db, editorId, {}, T0);
    for (let day = 10; day < 90; day += 10)
      assert.ok(await findSession(database().db, busy.token, at(day * DAY)));
    assert.equal(await findSession(database().db, busy.token, at(90 * DAY + 1000)), null, "90 days at most");

    const revoked = await createSession(database().db, editorId, {}, T0);
    assert.ok(await revokeSession(database().db, revoked.id, at(1000)));
    assert.equal(await findSession(database().db, revoked.token, at(2000)), null);
    assert.equal(await findSession(database().db, "not-a-token", T0), null);
  });

  it("a disabled editor's sessions end and the right password no longer works", async () => {
    const editor = await makeEditor(database().db, "leaver@example.org", "editor", PASSWORD, T0);
    const session = await attempt("leaver@example.org", PASSWORD, at(10 * DAY));
    await setDisabled(database().db, editor.id, true, "admin@example.org", at(10 * DAY));
    assert.equal(await findSession(database().db, session.token, at(10 * DAY)), null);
    await rejectsWith(attempt("leaver@example.org", PASSWORD, at(10 * DAY)), "invalid_credentials");
    const revokedRows = await database()
      .db.selectFrom("editor_sessions")
      .select("revoked_at")
      .where("editor_id", "=", editor.id)
      .execute();
    assert.ok(revokedRows.every((r) => r.revoked_at !== null));
    await setDisabled(database().db, editor.id, false, "admin@example.org", at(10 * DAY));
    await attempt("leaver@example.org", PASSWORD, at(10 * DAY));
  });
});
