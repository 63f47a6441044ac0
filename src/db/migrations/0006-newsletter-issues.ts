import { type Kysely, sql } from "kysely";

/**
 * The weekly newsletter's issues and the durable record of each send: its batches, and one row
 * per recipient with its state. Immutable once merged. Timestamps are ISO strings (UTC, fixed
 * width, so they compare as text on both databases).
 *
 * Recipient states: pending -> sending (committed before the SMTP call) -> sent, or retry
 * (a temporary 4xx, due again at next_attempt_at), or failed (permanent). A row a crashed sender
 * left in `sending` becomes `uncertain` for an admin to resend (back to pending) or skip.
 * `skipped` also covers an address that unsubscribed between the start of the send and its turn.
 */
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  const id = (col: string) =>
    dialect === "postgres"
      ? sql`${sql.ref(col)} serial primary key`
      : sql`${sql.ref(col)} integer primary key autoincrement`;

  // `sender` and `lease_until` are the send lock: one sender per issue across every app instance.
  await sql`create table newsletter_issues (
    ${id("id")},
    subject text not null,
    intro text not null,
    articles text not null,
    status text not null check (status in ('draft', 'sending', 'sent')),
    since text not null,
    created_by text not null,
    created_at text not null,
    updated_at text not null,
    send_started_at text,
    send_started_by text,
    sent_at text,
    sender text,
    lease_until text
  )`.execute(db);

  await sql`create table newsletter_batches (
    ${id("id")},
    issue_id integer not null references newsletter_issues(id) on delete cascade,
    number integer not null,
    size integer not null,
    started_at text,
    completed_at text,
    unique (issue_id, number)
  )`.execute(db);

  // email and subscriber_id become null when the subscriber deletes their data; the row stays
  // (anonymous) so the counts stay true.
  await sql`create table newsletter_recipients (
    ${id("id")},
    issue_id integer not null references newsletter_issues(id) on delete cascade,
    batch_id integer not null references newsletter_batches(id) on delete cascade,
    subscriber_id integer references subscribers(id) on delete set null,
    email text,
    state text not null check (state in ('pending', 'sending', 'sent', 'retry', 'failed', 'uncertain', 'skipped')),
    attempts integer not null default 0,
    next_attempt_at text,
    marked_at text,
    sent_at text,
    last_error text,
    resolved_by text,
    unique (issue_id, subscriber_id)
  )`.execute(db);
  await sql`create index newsletter_recipients_state on newsletter_recipients (issue_id, state)`.execute(db);
  await sql`create index newsletter_recipients_batch on newsletter_recipients (batch_id, id)`.execute(db);
  await sql`create index newsletter_recipients_subscriber on newsletter_recipients (subscriber_id)`.execute(
    db,
  );
}
