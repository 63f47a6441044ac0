import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit } from "../audit/audit.js";
import type { DB, EditorTable } from "../db/schema.js";
import { AppError } from "../errors.js";
import { revokeEditorSessions } from "./sessions.js";

export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

export interface Editor {
  id: number;
  email: string;
  role: Role;
  hasPassword: boolean;
  createdAt: string;
  disabledAt: string | null;
}

export const EMAIL_MAX = 254;
const emailShape = z.email();

/** Trimmed, lower case, and a real address shape; `invalid_email` otherwise. */
export function normalizeEmail(input: string): string {
  const email = input.trim().toLowerCase();
  if (email.length > EMAIL_MAX || !emailShape.safeParse(email).success) {
    throw new AppError("invalid_email", "Enter a valid e-mail address.", "email");
  }
  return email;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

type EditorRow = Pick<EditorTable, "email" | "role" | "password_hash" | "created_at" | "disabled_at"> & {
  id: number;
};

export function toEditor(row: EditorRow): Editor {
  return {
    id: row.id,
    email: row.email,
    role: isRole(row.role) ? row.role : "editor",
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export async function findEditorByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom("editors").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function getEditor(db: Kysely<DB>, id: number): Promise<Editor> {
  const row = await db.selectFrom("editors").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("not_found", "There is no such editor.");
  return toEditor(row);
}

export async function listEditors(db: Kysely<DB>): Promise<Editor[]> {
  const rows = await db.selectFrom("editors").selectAll().orderBy("email").execute();
  return rows.map(toEditor);
}

/** A new account without a password; `editor_exists` when the address already has one. */
export async function createEditor(
  db: Kysely<DB>,
  input: { email: string; role: string },
  actor: string,
  now: Date,
): Promise<Editor> {
  const email = normalizeEmail(input.email);
  if (!isRole(input.role)) throw new AppError("bad_input", "The role is admin or editor.", "role");
  const role = input.role;
  const exists = new AppError(
    "editor_exists",
    `An editor with the address ${email} exists already.`,
    "email",
  );
  try {
    return await db.transaction().execute(async (trx) => {
      if (await findEditorByEmail(trx, email)) throw exists;
      const row = await trx
        .insertInto("editors")
        .values({ email, role, password_hash: null, created_at: now.toISOString(), disabled_at: null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actor, action: "editor.created", target: email, detail: { role } }, now);
      return toEditor(row);
    });
  } catch (error) {
    // Two creations of one address at once: the unique index decides, the loser gets the same answer.
    if (/unique/i.test((error as Error).message)) throw exists;
    throw error;
  }
}

/** Refuse a change that would leave no enabled admin (nobody could manage editors any more). */
async function keepOneAdmin(db: Kysely<DB>, editor: Editor): Promise<void> {
  if (editor.role !== "admin" || editor.disabledAt !== null) return;
  const others = await db
    .selectFrom("editors")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .where("id", "!=", editor.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) {
    throw new AppError("bad_input", "This is the last enabled admin: make another admin first.", "role");
  }
}

export async function changeRole(
  db: Kysely<DB>,
  id: number,
  role: string,
  actor: string,
  now: Date,
): Promise<Editor> {
  if (!isRole(role)) throw new AppError("bad_input", "The role is admin or editor.", "role");
  return db.transaction().execute(async (trx) => {
    const editor = await getEditor(trx, id);
    if (editor.role === role) return editor;
    if (role !== "admin") await keepOneAdmin(trx, editor);
    await trx.updateTable("editors").set({ role }).where("id", "=", id).execute();
    const detail = { from: editor.role, to: role };
    await recordAudit(trx, { actor, action: "editor.role_changed", target: editor.email, detail }, now);
    return { ...editor, role };
  });
}

/** Disabling also revokes every session of the account: it is signed out at its next request. */
export async function setDisabled(
  db: Kysely<DB>,
  id: number,
  disabled: boolean,
  actor: string,
  now: Date,
): Promise<Editor> {
  return db.transaction().execute(async (trx) => {
    const editor = await getEditor(trx, id);
    if ((editor.disabledAt !== null) === disabled) return editor;
    if (disabled) await keepOneAdmin(trx, editor);
    const disabledAt = disabled ? now.toISOString() : null;
    await trx.updateTable("editors").set({ disabled_at: disabledAt }).where("id", "=", id).execute();
    const revoked = disabled ? await revokeEditorSessions(trx, id, now) : 0;
    const action = disabled ? "editor.disabled" : "editor.enabled";
    await recordAudit(
      trx,
      { actor, action, target: editor.email, detail: { revokedSessions: revoked } },
      now,
    );
    return { ...editor, disabledAt };
  });
}
