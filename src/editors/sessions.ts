import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { isTokenShape, newToken, sha256 } from "./secrets.js";

/** A session ends after this many idle days; each use pushes the end back (sliding). */
export const SESSION_IDLE_DAYS = 14;
/** ... but never later than this many days after sign-in: then the editor signs in again. */
export const SESSION_MAX_DAYS = 90;
/** Write `last_seen_at` at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;
const DAY_MS = 86_400_000;

export interface SessionEditor {
  id: number;
  email: string;
  role: string;
}

export interface ActiveSession {
  /** SHA-256 of the cookie's token: a handle that cannot itself be used as a cookie. */
  id: string;
  editor: SessionEditor;
  createdAt: string;
  expiresAt: string;
  /** True when this lookup moved the expiry: the cookie is sent again with the new one. */
  renewed: boolean;
}

export interface SessionRow {
  id: string;
  editorId: number;
  email: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

function slidingExpiry(createdAt: Date, now: Date): Date {
  return new Date(
    Math.min(now.getTime() + SESSION_IDLE_DAYS * DAY_MS, createdAt.getTime() + SESSION_MAX_DAYS * DAY_MS),
  );
}

export async function createSession(
  db: Kysely<DB>,
  editorId: number,
  client: { userAgent?: string | null; ip?: string | null },
  now: Date,
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = newToken();
  const id = sha256(token);
  const expiresAt = slidingExpiry(now, now);
  await db
    .insertInto("editor_sessions")
    .values({
      id,
      editor_id: editorId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      revoked_at: null,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip?.slice(0, 64) ?? null,
    })
    .execute();
  return { token, id, expiresAt };
}

/**
 * The live session a cookie's token opens: not revoked, not expired, its editor not disabled.
 * Anything else (including a malformed token) is null, never an error.
 */
export async function findSession(db: Kysely<DB>, token: string, now: Date): Promise<ActiveSession | null> {
  if (!isTokenShape(token)) return null;
  const id = sha256(token);
  const row = await db
    .selectFrom("editor_sessions as s")
    .innerJoin("editors as e", "e.id", "s.editor_id")
    .select(["s.created_at", "s.expires_at", "s.last_seen_at", "e.id as editor_id", "e.email", "e.role"])
    .where("s.id", "=", id)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now.toISOString())
    .where("e.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const editor = { id: row.editor_id, email: row.email, role: row.role };
  const session = { id, editor, createdAt: row.created_at, expiresAt: row.expires_at, renewed: false };
  if (now.getTime() - Date.parse(row.last_seen_at) < TOUCH_EVERY_MS) return session;
  const expiresAt = slidingExpiry(new Date(row.created_at), now).toISOString();
  await db
    .updateTable("editor_sessions")
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
  return { ...session, expiresAt, renewed: true };
}

/** Revoke one session; when `editorId` is given, only if it belongs to that editor. */
export async function revokeSession(
  db: Kysely<DB>,
  id: string,
  now: Date,
  editorId?: number,
): Promise<boolean> {
  let query = db
    .updateTable("editor_sessions")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", id)
    .where("revoked_at", "is", null);
  if (editorId !== undefined) query = query.where("editor_id", "=", editorId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revoke every live session of an editor; returns how many. */
export async function revokeEditorSessions(db: Kysely<DB>, editorId: number, now: Date): Promise<number> {
  const result = await db
    .updateTable("editor_sessions")
    .set({ revoked_at: now.toISOString() })
    .where("editor_id", "=", editorId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Live sessions, most recently used first: one editor's, or everyone's when `editorId` is absent. */
export async function listSessions(db: Kysely<DB>, now: Date, editorId?: number): Promise<SessionRow[]> {
  let query = db
    .selectFrom("editor_sessions as s")
    .innerJoin("editors as e", "e.id", "s.editor_id")
    .select([
      "s.id",
      "s.editor_id",
      "e.email",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "s.user_agent",
      "s.ip",
    ])
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now.toISOString())
    .orderBy("s.last_seen_at", "desc")
    .limit(500);
  if (editorId !== undefined) query = query.where("s.editor_id", "=", editorId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    editorId: r.editor_id,
    email: r.email,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    ip: r.ip,
  }));
}
