import { type Kysely, sql } from "kysely";

/**
 * Reader forms: the ALTCHA solutions already accepted, so that one solved challenge cannot be
 * replayed, on any app instance, until it expires (then the row may be purged); and an index to
 * find the latest mail of a kind sent to an address (sign-up re-sends are throttled by it).
 * Immutable once merged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table altcha_spent (
    nonce text primary key,
    expires_at text not null
  )`.execute(db);
  await sql`create index altcha_spent_expiry on altcha_spent (expires_at)`.execute(db);
  await sql`create index outbox_recipient on outbox (recipient, kind, created_at)`.execute(db);
}
