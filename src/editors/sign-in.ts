import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { type Editor, findEditorByEmail, toEditor } from "./accounts.js";
import { verifyPassword } from "./secrets.js";
import { createSession } from "./sessions.js";
import { clearFailures, lockedUntil, recordFailure } from "./throttle.js";

type EditorRow = Awaited<ReturnType<typeof findEditorByEmail>>;

function failureReason(row: EditorRow): string {
  if (!row) return "unknown_email";
  if (row.disabled_at) return "disabled";
  return row.password_hash ? "wrong_password" : "no_password";
}

/**
 * Count the failure (maybe locking the address) and put it in the audit log, with the reason only
 * admins see. The typed text is kept only when it looks like an address: a password typed in the
 * wrong field must not end up in the log.
 */
async function recordFailedSignIn(
  db: Kysely<DB>,
  email: string,
  row: EditorRow,
  ip: string | null,
  now: Date,
) {
  const target = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(email) ? email : "(not an e-mail address)";
  const failure = await recordFailure(db, email, now);
  const detail = { reason: failureReason(row), failures: failure.failures, ip };
  await recordAudit(db, { actor: "anonymous", action: "session.sign_in_failed", target, detail }, now);
  if (failure.lockedUntil) {
    const lock = { until: failure.lockedUntil.toISOString(), failures: failure.failures };
    await recordAudit(db, { actor: "anonymous", action: "session.locked", target, detail: lock }, now);
  }
}

/** `account_locked`, with the seconds to wait (sent as Retry-After). */
export class AccountLockedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      "account_locked",
      `Too many failed sign-ins for this address: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

export interface SignInInput {
  email: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

export interface SignedIn {
  editor: Editor;
  token: string;
  expiresAt: Date;
}

/** The one answer to every wrong e-mail or password: which of the two it was is not said. */
export function invalidCredentials(): AppError {
  return new AppError("invalid_credentials", "The e-mail address or the password is not right.", "password");
}

/**
 * Check an e-mail and password and open a session. Unknown addresses, accounts without a password
 * and disabled accounts take the same path and time as a wrong password (a dummy hash is checked)
 * and get the same answer; the lock applies per typed address, whether an account has it or not.
 */
export async function signIn(db: Kysely<DB>, input: SignInInput, now: Date): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const until = await lockedUntil(db, email, now);
  if (until) throw new AccountLockedError(Math.ceil((until.getTime() - now.getTime()) / 1000));

  const row = await findEditorByEmail(db, email);
  const usable = row && row.disabled_at === null ? row.password_hash : null;
  const ok = await verifyPassword(usable, input.password);
  if (!row || !ok) {
    await recordFailedSignIn(db, email, row, input.ip ?? null, now);
    throw invalidCredentials();
  }

  await clearFailures(db, email);
  const editor = toEditor(row);
  return { editor, ...(await startSession(db, editor, input, now, "password")) };
}

/** Open a session and record the sign-in (after a password check, or a set-password link). */
export async function startSession(
  db: Kysely<DB>,
  editor: { id: number; email: string },
  client: { ip?: string | null; userAgent?: string | null },
  now: Date,
  via: "password" | "set-password",
): Promise<{ token: string; expiresAt: Date }> {
  const session = await createSession(db, editor.id, client, now);
  const target = `session:${session.id.slice(0, 12)}`;
  const detail = { ip: client.ip ?? null, via };
  await recordAudit(db, { actor: editor.email, action: "session.sign_in", target, detail }, now);
  return { token: session.token, expiresAt: session.expiresAt };
}
