import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** Rows per INSERT: well under both databases' limits on bound parameters. */
const INSERT_CHUNK = 500;
const iso = (date: Date) => date.toISOString();

/**
 * Start an issue's send: in one transaction, mark the draft `sending` and write its batches and
 * one pending row per subscriber confirmed at this moment. Returns false when the send had
 * already begun (then nothing is written: a resume never adds recipients).
 */
export async function beginIssueSend(
  db: Kysely<DB>,
  issueId: number,
  batchSize: number,
  actor: string,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const started = await tx
      .updateTable("newsletter_issues")
      .set({ status: "sending", send_started_at: iso(now), send_started_by: actor })
      .where("id", "=", issueId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(started.numUpdatedRows) !== 1) return false;
    const subscribers = await tx
      .selectFrom("subscribers")
      .select(["id", "email"])
      .where("status", "=", "confirmed")
      .orderBy("id")
      .execute();
    for (let start = 0, number = 1; start < subscribers.length; start += batchSize, number++) {
      await insertBatch(tx, issueId, number, subscribers.slice(start, start + batchSize));
    }
    return true;
  });
}

/** One batch row and its recipients, all pending. */
async function insertBatch(
  tx: Kysely<DB>,
  issueId: number,
  number: number,
  subscribers: Array<{ id: number; email: string }>,
): Promise<void> {
  const batch = await tx
    .insertInto("newsletter_batches")
    .values({ issue_id: issueId, number, size: subscribers.length })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = subscribers.map((s) => ({
    issue_id: issueId,
    batch_id: batch.id,
    subscriber_id: s.id,
    email: s.email,
    state: "pending",
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx
      .insertInto("newsletter_recipients")
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}
