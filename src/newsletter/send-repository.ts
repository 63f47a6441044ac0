import type { Kysely, Selectable } from "kysely";
import type { DB, NewsletterRecipientTable } from "../db/schema.js";
import { holdsLease } from "./send-lock.js";

/** All SQL on an issue's batches and recipients: the durable record of a send. */
export const RECIPIENT_STATES = [
  "pending",
  "sending",
  "sent",
  "retry",
  "failed",
  "uncertain",
  "skipped",
] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];
export type StateCounts = Record<RecipientState, number>;

export interface Recipient {
  id: number;
  issueId: number;
  batchId: number;
  subscriberId: number | null;
  email: string | null;
  state: RecipientState;
  attempts: number;
  nextAttemptAt: string | null;
  markedAt: string | null;
  sentAt: string | null;
  lastError: string | null;
}

export interface Batch {
  id: number;
  number: number;
  size: number;
}

const iso = (date: Date) => date.toISOString();
/** SMTP replies can be long; the start says what went wrong. */
const MAX_ERROR_CHARS = 500;

function toRecipient(row: Selectable<NewsletterRecipientTable>): Recipient {
  return {
    id: row.id,
    issueId: row.issue_id,
    batchId: row.batch_id,
    subscriberId: row.subscriber_id,
    email: row.email,
    state: row.state as RecipientState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    markedAt: row.marked_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
  };
}

/** Batches not yet completed, in order. */
export async function openBatches(db: Kysely<DB>, issueId: number): Promise<Batch[]> {
  return db
    .selectFrom("newsletter_batches")
    .select(["id", "number", "size"])
    .where("issue_id", "=", issueId)
    .where("completed_at", "is", null)
    .orderBy("number")
    .execute();
}

/** Note when a batch was first started, or completed (a resumed batch keeps its first start). */
export async function markBatch(db: Kysely<DB>, batchId: number, what: "started" | "completed", now: Date) {
  const column = what === "started" ? "started_at" : "completed_at";
  await db
    .updateTable("newsletter_batches")
    .set({ [column]: iso(now) })
    .where("id", "=", batchId)
    .where(column, "is", null)
    .execute();
}

/** A batch's rows to send now: pending ones, and temporary failures whose wait is over. */
export async function dueRecipients(
  db: Kysely<DB>,
  where: { batchId: number } | { issueId: number },
  now: Date,
): Promise<Recipient[]> {
  let query = db.selectFrom("newsletter_recipients").selectAll();
  query =
    "batchId" in where
      ? query.where("batch_id", "=", where.batchId)
      : query.where("issue_id", "=", where.issueId);
  const rows = await query
    .where((eb) =>
      eb.or([
        eb("state", "=", "pending"),
        eb.and([eb("state", "=", "retry"), eb("next_attempt_at", "<=", iso(now))]),
      ]),
    )
    .orderBy("id")
    .execute();
  return rows.map(toRecipient);
}

/** When the earliest waiting retry of the issue is due, or null when none waits. */
export async function nextRetryAt(db: Kysely<DB>, issueId: number): Promise<string | null> {
  const row = await db
    .selectFrom("newsletter_recipients")
    .select((eb) => eb.fn.min("next_attempt_at").as("due"))
    .where("issue_id", "=", issueId)
    .where("state", "=", "retry")
    .executeTakeFirst();
  return row?.due ? String(row.due) : null;
}

/**
 * Mark a row `sending`, committed before its SMTP call: if the sender dies during the call, the
 * row says so. Fenced by the lease; false when the row or the lease is no longer ours.
 */
export async function markSending(
  db: Kysely<DB>,
  row: Recipient,
  sender: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("newsletter_recipients")
    .set({ state: "sending", marked_at: iso(now) })
    .where("id", "=", row.id)
    .where("state", "in", ["pending", "retry"])
    .where(holdsLease(row.issueId, sender, now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type Settlement =
  | { state: "sent" }
  | { state: "retry"; nextAttemptAt: Date; error: string }
  | { state: "failed" | "uncertain"; error: string }
  | { state: "skipped"; error: string };

/** Record how a row's attempt ended. Only a row still `sending` (or waiting, for a skip) changes. */
export async function settleRecipient(
  db: Kysely<DB>,
  row: Recipient,
  outcome: Settlement,
  now: Date,
): Promise<void> {
  const tried = outcome.state !== "skipped";
  await db
    .updateTable("newsletter_recipients")
    .set({
      state: outcome.state,
      attempts: tried ? row.attempts + 1 : row.attempts,
      sent_at: outcome.state === "sent" ? iso(now) : null,
      next_attempt_at: outcome.state === "retry" ? iso(outcome.nextAttemptAt) : null,
      last_error: "error" in outcome ? outcome.error.slice(0, MAX_ERROR_CHARS) : null,
    })
    .where("id", "=", row.id)
    .where("state", "in", tried ? ["sending"] : ["pending", "retry"])
    .execute();
}

/** After taking the lease over: rows a dead sender left `sending` may or may not have been delivered. */
export async function markLeftoversUncertain(db: Kysely<DB>, issueId: number): Promise<number> {
  const result = await db
    .updateTable("newsletter_recipients")
    .set({ state: "uncertain", last_error: "the sender stopped during this mail's SMTP call" })
    .where("issue_id", "=", issueId)
    .where("state", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countStates(db: Kysely<DB>, issueId: number): Promise<StateCounts> {
  const rows = await db
    .selectFrom("newsletter_recipients")
    .select(["state", (eb) => eb.fn.countAll().as("n")])
    .where("issue_id", "=", issueId)
    .groupBy("state")
    .execute();
  const counts = Object.fromEntries(RECIPIENT_STATES.map((s) => [s, 0])) as StateCounts;
  for (const row of rows) counts[row.state as RecipientState] = Number(row.n);
  return counts;
}

export async function listRecipients(
  db: Kysely<DB>,
  issueId: number,
  state: RecipientState,
  limit = 1000,
): Promise<Recipient[]> {
  const rows = await db
    .selectFrom("newsletter_recipients")
    .selectAll()
    .where("issue_id", "=", issueId)
    .where("state", "=", state)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map(toRecipient);
}
