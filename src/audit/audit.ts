import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/**
 * The audit log: who did what, when, to what. Every change an editor or the command line makes is
 * recorded through `recordAudit`, in the same transaction as the change when there is one (pass
 * the transaction as `db`). Actors are an editor's e-mail, `cli`, or `anonymous` (a failed sign-in).
 */
export interface AuditEntry {
  actor: string;
  /** A dotted verb: `editor.created`, `session.sign_in_failed`, `article.published`, ... */
  action: string;
  /** What the action was done to: an e-mail, `ingredient:aqua`, `session:ab12...`. */
  target?: string | null;
  /** Small structured facts (never a password, token or reader's address). */
  detail?: Record<string, unknown>;
}

export interface AuditRecord {
  id: number;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  /** 1-based. */
  page?: number;
  perPage?: number;
}

export interface AuditPage {
  records: AuditRecord[];
  page: number;
  perPage: number;
  total: number;
}

const MAX_FIELD = 254;
const MAX_DETAIL = 4000;

export async function recordAudit(db: Kysely<DB>, entry: AuditEntry, now = new Date()): Promise<void> {
  let detail = JSON.stringify(entry.detail ?? {});
  // A bounded row whatever a caller passes: the log is read by people, not replayed.
  if (detail.length > MAX_DETAIL) detail = JSON.stringify({ truncated: detail.slice(0, MAX_DETAIL) });
  await db
    .insertInto("audit_log")
    .values({
      actor: entry.actor.slice(0, MAX_FIELD),
      action: entry.action.slice(0, 100),
      target: entry.target == null ? null : entry.target.slice(0, MAX_FIELD),
      detail,
      created_at: now.toISOString(),
    })
    .execute();
}

/** Newest first, filtered by exact actor and action, one page at a time. */
export async function listAudit(db: Kysely<DB>, query: AuditQuery = {}): Promise<AuditPage> {
  const perPage = Math.min(Math.max(query.perPage ?? 50, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  let base = db.selectFrom("audit_log");
  if (query.actor) base = base.where("actor", "=", query.actor);
  if (query.action) base = base.where("action", "=", query.action);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("id", "desc")
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    records: rows.map((r) => ({
      id: r.id,
      actor: r.actor,
      action: r.action,
      target: r.target,
      detail: parseDetail(r.detail),
      createdAt: r.created_at,
    })),
    page,
    perPage,
    total: Number(count.n),
  };
}

/** The distinct actions recorded so far, for the filter's choices. */
export async function listAuditActions(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return rows.map((r) => r.action);
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
