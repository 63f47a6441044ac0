import type { Kysely, Selectable } from "kysely";
import type { DB, SubscriberTable } from "../db/schema.js";

/** All SQL on subscribers. One row per address (unique), whatever happens to it. */
export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

export interface Subscriber {
  id: number;
  email: string;
  status: SubscriberStatus;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
}

function toSubscriber(row: Selectable<SubscriberTable>): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status as SubscriberStatus,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
  };
}

export async function findSubscriberByEmail(db: Kysely<DB>, email: string): Promise<Subscriber | null> {
  const row = await db.selectFrom("subscribers").selectAll().where("email", "=", email).executeTakeFirst();
  return row ? toSubscriber(row) : null;
}

export async function findSubscriberById(db: Kysely<DB>, id: number): Promise<Subscriber | null> {
  const row = await db.selectFrom("subscribers").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toSubscriber(row) : null;
}

/** Insert a pending subscriber unless the address exists; two sign-ups racing still make one row. */
export async function insertPendingSubscriber(db: Kysely<DB>, email: string, now: Date): Promise<void> {
  await db
    .insertInto("subscribers")
    .values({ email, status: "pending", created_at: now.toISOString() })
    .onConflict((oc) => oc.column("email").doNothing())
    .execute();
}

export async function markConfirmed(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db
    .updateTable("subscribers")
    .set({ status: "confirmed", confirmed_at: now.toISOString() })
    .where("id", "=", id)
    .where("status", "!=", "confirmed")
    .execute();
}

export async function markUnsubscribed(db: Kysely<DB>, id: number, now: Date): Promise<void> {
  await db
    .updateTable("subscribers")
    .set({ status: "unsubscribed", unsubscribed_at: now.toISOString() })
    .where("id", "=", id)
    .where("status", "!=", "unsubscribed")
    .execute();
}

/** Remove a subscriber's row (their data deletion); their issue recipients are anonymised first. */
export async function deleteSubscriber(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom("subscribers").where("id", "=", id).execute();
}
