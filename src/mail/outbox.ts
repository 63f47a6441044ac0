import type { Kysely, Selectable } from "kysely";
import type { DB, OutboxTable } from "../db/schema.js";
import type { MailMessage } from "./types.js";

/**
 * The outbox: every mail is a row first, sent later by a worker. All its SQL is here, the same on
 * SQLite and PostgreSQL. Timestamps are ISO strings (UTC, fixed width), so they compare as text.
 */
export type OutboxRow = Selectable<OutboxTable>;

/**
 * Wait after the n-th failed attempt (minutes): quick retries for a blip, then hours, then a day,
 * so a relay that is down over a weekend still gets the mail. After the last one the row is
 * marked `failed` and kept, for an operator to inspect and requeue; no row is ever deleted here.
 */
export const BACKOFF_MINUTES = [1, 5, 30, 120, 360, 1440, 1440] as const;
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;

/** Longest error text kept per row: SMTP replies can be long; the start says what went wrong. */
const MAX_ERROR_CHARS = 1000;

const iso = (date: Date) => date.toISOString();

export async function insertMail(db: Kysely<DB>, mail: MailMessage, now: Date): Promise<number> {
  const row = await db
    .insertInto("outbox")
    .values({
      kind: mail.kind,
      recipient: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: JSON.stringify(mail.headers ?? {}),
      status: "pending",
      attempts: 0,
      next_attempt_at: iso(now),
      locked_until: null,
      last_error: null,
      created_at: iso(now),
      sent_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Rows due now that nobody holds: pending ones, and `sending` ones whose holder's lease ran out (it crashed). */
export async function findDueIds(db: Kysely<DB>, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("outbox")
    .select("id")
    .where("status", "in", ["pending", "sending"])
    .where("next_attempt_at", "<=", iso(now))
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", iso(now))]))
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Take a row for sending until `leaseUntil`. The same conditions as `findDueIds`, re-checked in
 * one UPDATE: when two instances race for a row, PostgreSQL makes the second wait for the first's
 * update and re-evaluate the WHERE against it, which then fails; SQLite has one writer at a time.
 * So exactly one instance gets 1 updated row; the others get 0 and skip it.
 */
export async function claimMail(
  db: Kysely<DB>,
  id: number,
  now: Date,
  leaseUntil: Date,
): Promise<OutboxRow | null> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "sending", locked_until: iso(leaseUntil) })
    .where("id", "=", id)
    .where("status", "in", ["pending", "sending"])
    .where("next_attempt_at", "<=", iso(now))
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", iso(now))]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return (await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Only the holder of the lease may settle the row (a holder that outlived its lease changes nothing). */
export async function markSent(db: Kysely<DB>, row: OutboxRow, now: Date): Promise<void> {
  await db
    .updateTable("outbox")
    .set({
      status: "sent",
      sent_at: iso(now),
      attempts: row.attempts + 1,
      locked_until: null,
      last_error: null,
    })
    .where("id", "=", row.id)
    .where("locked_until", "=", row.locked_until)
    .execute();
}

/** Schedule the next attempt with backoff, or mark the row `failed` after the last one. Returns the new status. */
export async function markAttemptFailed(
  db: Kysely<DB>,
  row: OutboxRow,
  now: Date,
  error: string,
): Promise<"pending" | "failed"> {
  const attempts = row.attempts + 1;
  const wait = BACKOFF_MINUTES[attempts - 1];
  const status = wait === undefined || attempts >= MAX_ATTEMPTS ? "failed" : "pending";
  const next = wait === undefined ? now : new Date(now.getTime() + wait * 60_000);
  await db
    .updateTable("outbox")
    .set({
      status,
      attempts,
      next_attempt_at: iso(next),
      locked_until: null,
      last_error: error.slice(0, MAX_ERROR_CHARS),
    })
    .where("id", "=", row.id)
    .where("locked_until", "=", row.locked_until)
    .execute();
  return status;
}

/** When the latest mail of a kind was queued for an address (to throttle re-sends), or null. */
export async function lastQueuedAt(db: Kysely<DB>, kind: string, recipient: string): Promise<Date | null> {
  const row = await db
    .selectFrom("outbox")
    .select("created_at")
    .where("kind", "=", kind)
    .where("recipient", "=", recipient)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.created_at) : null;
}

/** The mails to an address (newest first), as a subscriber's data export lists them. */
export async function listMailsTo(db: Kysely<DB>, recipient: string): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("recipient", "=", recipient)
    .orderBy("id", "desc")
    .limit(1000)
    .execute();
}

/** Forget the mails of some kinds to an address (a subscriber deleting their data). Returns how many. */
export async function deleteMailsTo(db: Kysely<DB>, recipient: string, kindPrefix: string): Promise<number> {
  const result = await db
    .deleteFrom("outbox")
    .where("recipient", "=", recipient)
    .where("kind", "like", `${kindPrefix}%`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
