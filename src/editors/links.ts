import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { type Editor, toEditor } from "./accounts.js";
import { checkPassword, hashPassword, isTokenShape, newToken, sha256 } from "./secrets.js";
import { revokeEditorSessions } from "./sessions.js";
import { clearFailures } from "./throttle.js";

/** How long a set-password link works. */
export const LINK_HOURS = 72;
const PURPOSE = "set-password";

export function setPasswordUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/admin/set-password?token=${token}`;
}

/**
 * A new one-time link for an editor to set (or reset) their password; earlier unused links of the
 * same editor stop working, so only the newest link given out is live.
 */
export async function issueSetPasswordLink(
  db: Kysely<DB>,
  publicUrl: string,
  editor: Editor,
  actor: string,
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  if (editor.disabledAt !== null) {
    throw new AppError("bad_input", "This editor is disabled: enable the account first.", "email");
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LINK_HOURS * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("editor_tokens")
      .where("editor_id", "=", editor.id)
      .where("purpose", "=", PURPOSE)
      .where("used_at", "is", null)
      .execute();
    await trx
      .insertInto("editor_tokens")
      .values({
        editor_id: editor.id,
        token_hash: sha256(token),
        purpose: PURPOSE,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
    const detail = { expiresAt: expiresAt.toISOString() };
    await recordAudit(trx, { actor, action: "editor.link_issued", target: editor.email, detail }, now);
  });
  return { url: setPasswordUrl(publicUrl, token), expiresAt };
}

/** The editor a link is for; `link_invalid` (unknown, used, disabled) or `link_expired`. */
export async function checkSetPasswordLink(db: Kysely<DB>, token: string, now: Date): Promise<Editor> {
  const invalid = new AppError("link_invalid", "This link is not valid: it was used, replaced or mistyped.");
  if (!isTokenShape(token)) throw invalid;
  const row = await db
    .selectFrom("editor_tokens as t")
    .innerJoin("editors as e", "e.id", "t.editor_id")
    .select(["t.expires_at", "t.used_at", "e.id", "e.email", "e.role", "e.password_hash", "e.created_at"])
    .select("e.disabled_at")
    .where("t.token_hash", "=", sha256(token))
    .where("t.purpose", "=", PURPOSE)
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.disabled_at !== null) throw invalid;
  if (row.expires_at <= now.toISOString()) {
    throw new AppError("link_expired", "This link has expired: ask an admin for a new one.");
  }
  return toEditor(row);
}

/**
 * Use a link: set the password, end every session the account had (whoever held the old password
 * is signed out), and lift any sign-in lock. The link is spent atomically: of two uses at once,
 * one wins and the other gets `link_invalid`.
 */
export async function setPasswordWithLink(
  db: Kysely<DB>,
  token: string,
  password: string,
  now: Date,
): Promise<Editor> {
  checkPassword(password);
  const editor = await checkSetPasswordLink(db, token, now);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("editor_tokens")
      .set({ used_at: now.toISOString() })
      .where("token_hash", "=", sha256(token))
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) !== 1) {
      throw new AppError("link_invalid", "This link has just been used.");
    }
    await trx.updateTable("editors").set({ password_hash: hash }).where("id", "=", editor.id).execute();
    const revoked = await revokeEditorSessions(trx, editor.id, now);
    await clearFailures(trx, editor.email);
    const detail = { revokedSessions: revoked };
    await recordAudit(
      trx,
      { actor: editor.email, action: "editor.password_set", target: editor.email, detail },
      now,
    );
  });
  return { ...editor, hasPassword: true };
}
