import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/** The SQL of a subscriber's data rights on the issue tables (subscribers and outbox have their own). */

export interface ReceivedIssue {
  issueId: number;
  subject: string;
  state: string;
  sentAt: string | null;
}

/** Every issue that has a recipient row for the subscriber, with that row's state. */
export async function listIssuesOfSubscriber(db: Kysely<DB>, subscriberId: number): Promise<ReceivedIssue[]> {
  const rows = await db
    .selectFrom("newsletter_recipients as r")
    .innerJoin("newsletter_issues as i", "i.id", "r.issue_id")
    .select(["r.issue_id", "i.subject", "r.state", "r.sent_at"])
    .where("r.subscriber_id", "=", subscriberId)
    .orderBy("r.issue_id")
    .execute();
  return rows.map((r) => ({ issueId: r.issue_id, subject: r.subject, state: r.state, sentAt: r.sent_at }));
}

/**
 * Cut the subscriber's recipient rows loose from them: no address, no link to the subscriber.
 * The rows stay (with their state), so an issue's counts remain true. A pending row is then
 * skipped by the sender.
 */
export async function anonymiseRecipients(db: Kysely<DB>, subscriberId: number): Promise<number> {
  const result = await db
    .updateTable("newsletter_recipients")
    .set({ subscriber_id: null, email: null })
    .where("subscriber_id", "=", subscriberId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
