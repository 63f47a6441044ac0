import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.js";
import { sha256 } from "./secrets.js";

/** Failures allowed before the first lock. */
export const LOCK_AFTER = 5;
const FIRST_LOCK_MS = 60_000;
/** The longest lock: a real editor waits at most this long, never forever. */
export const MAX_LOCK_MS = 15 * 60_000;
/** A day without failures forgets the count. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/**
 * How long to lock after the n-th consecutive failure: none before the 5th, then 1 minute,
 * doubling with each further failure (2, 4, 8 ...) up to 15 minutes. The lock always expires.
 */
export function lockDuration(failures: number): number {
  if (failures < LOCK_AFTER) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(failures - LOCK_AFTER, 20), MAX_LOCK_MS);
}

/** The throttle's key: the typed address, trimmed and lower-cased, hashed (the table holds no addresses). */
export function throttleKey(email: string): string {
  return sha256(`sign-in\n${email.trim().toLowerCase()}`);
}

/** The end of the lock on this address, or null when it may try now. */
export async function lockedUntil(db: Kysely<DB>, email: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom("sign_in_throttle")
    .select("locked_until")
    .where("key", "=", throttleKey(email))
    .executeTakeFirst();
  if (!row?.locked_until || row.locked_until <= now.toISOString()) return null;
  return new Date(row.locked_until);
}

/**
 * Count one more failure (atomically, so parallel attempts all count) and lock when due.
 * Returns the failure count and the lock's end, if this failure started one.
 */
export async function recordFailure(
  db: Kysely<DB>,
  email: string,
  now: Date,
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  const row = await db
    .insertInto("sign_in_throttle")
    .values({ key: throttleKey(email), failures: 1, locked_until: null, last_failure_at: at })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when sign_in_throttle.last_failure_at < ${forgetBefore} then 1 else sign_in_throttle.failures + 1 end`,
        last_failure_at: at,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  const lock = lockDuration(failures);
  let until: Date | null = null;
  if (lock > 0) {
    until = new Date(now.getTime() + lock);
    await db
      .updateTable("sign_in_throttle")
      .set({ locked_until: until.toISOString() })
      .where("key", "=", throttleKey(email))
      .execute();
  }
  // Keep the table small: addresses quiet for a day start afresh anyway.
  await db.deleteFrom("sign_in_throttle").where("last_failure_at", "<", forgetBefore).execute();
  return { failures, lockedUntil: until };
}

export async function clearFailures(db: Kysely<DB>, email: string): Promise<void> {
  await db.deleteFrom("sign_in_throttle").where("key", "=", throttleKey(email)).execute();
}
