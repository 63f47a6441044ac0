import type { ExpressionBuilder, Kysely } from "kysely";
import type { DB } from "../db/schema.js";

/**
 * The send lock: at most one sender per issue across every process and app instance. It is a
 * lease in the issue's row, taken by one conditional UPDATE, the same SQL on SQLite and
 * PostgreSQL (this file is the one place that decides how the lock works):
 *   UPDATE newsletter_issues SET sender = me, lease_until = now + lease
 *   WHERE id = ? AND (lease_until IS NULL OR lease_until < now)
 * When two senders race, PostgreSQL makes the second UPDATE wait for the first and re-check its
 * WHERE against the committed row, which then fails; SQLite has one writer at a time. So exactly
 * one gets the row. The holder renews the lease while it sends; a holder that dies stops renewing,
 * and once the lease has run out another sender may take over. A PostgreSQL advisory lock would
 * free a dead holder's lock at once, but would need a second mechanism for SQLite: the lease is
 * one mechanism for both, and recovery waits at most one lease (LEASE_MS).
 *
 * Instances compare their own clocks with the stored time: keep them in sync (NTP); a skew of a
 * few seconds only shortens or lengthens a 60-second lease by as much.
 */
export const LEASE_MS = 60_000;

const iso = (date: Date) => date.toISOString();

export interface LeaseHolder {
  sender: string;
  leaseUntil: string;
}

/** Take the issue's lease if nobody holds a live one. True when it is now ours. */
export async function acquireLease(
  db: Kysely<DB>,
  issueId: number,
  sender: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable("newsletter_issues")
    .set({ sender, lease_until: iso(new Date(now.getTime() + leaseMs)) })
    .where("id", "=", issueId)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", iso(now))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Extend our lease. False when another sender has taken it (ours ran out): stop sending at once. */
export async function renewLease(
  db: Kysely<DB>,
  issueId: number,
  sender: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable("newsletter_issues")
    .set({ lease_until: iso(new Date(now.getTime() + leaseMs)) })
    .where("id", "=", issueId)
    .where("sender", "=", sender)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Give the lease back (only if it is still ours), so the next sender need not wait for it to run out. */
export async function releaseLease(db: Kysely<DB>, issueId: number, sender: string): Promise<void> {
  await db
    .updateTable("newsletter_issues")
    .set({ sender: null, lease_until: null })
    .where("id", "=", issueId)
    .where("sender", "=", sender)
    .execute();
}

/** Who holds a live lease on the issue, if anyone. */
export async function leaseHolder(db: Kysely<DB>, issueId: number, now: Date): Promise<LeaseHolder | null> {
  const row = await db
    .selectFrom("newsletter_issues")
    .select(["sender", "lease_until"])
    .where("id", "=", issueId)
    .executeTakeFirst();
  if (!row?.sender || !row.lease_until || row.lease_until < iso(now)) return null;
  return { sender: row.sender, leaseUntil: row.lease_until };
}

/**
 * The fence for a write that must happen only under a live lease (marking a recipient `sending`):
 * a sender that stalled past its lease, while another took over, changes nothing.
 */
export function holdsLease(issueId: number, sender: string, now: Date) {
  return (eb: ExpressionBuilder<DB, "newsletter_recipients">) =>
    eb.exists(
      eb
        .selectFrom("newsletter_issues")
        .select("newsletter_issues.id")
        .where("newsletter_issues.id", "=", issueId)
        .where("newsletter_issues.sender", "=", sender)
        .where("newsletter_issues.lease_until", ">", iso(now)),
    );
}

/**
 * Renews a held lease every third of its length, on a timer, so that it stays ours even during a
 * slow SMTP call. `lost` turns true when a renewal finds another sender in the row: the run then
 * stops before its next mail (and the fence in `holdsLease` refuses its marks anyway).
 */
export class LeaseKeeper {
  lost = false;
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> = Promise.resolve();

  constructor(db: Kysely<DB>, issueId: number, sender: string, leaseMs: number) {
    this.timer = setInterval(() => {
      this.renewing = renewLease(db, issueId, sender, new Date(), leaseMs).then(
        (ours) => {
          if (!ours) this.lost = true;
        },
        // A database hiccup: the next tick tries again, well before the lease runs out.
        () => undefined,
      );
    }, leaseMs / 3);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.renewing;
  }
}
