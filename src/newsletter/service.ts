import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import type { Mailer } from "../mail/mailer.js";
import type { Signer, TokenPurpose } from "../security/signing.js";
import { normalizeEmail } from "./email.js";
import { CONFIRM_MAIL_KIND, confirmationMail } from "./mails.js";
import {
  findSubscriberByEmail,
  findSubscriberById,
  insertPendingSubscriber,
  markConfirmed,
  markUnsubscribed,
  type Subscriber,
} from "./repository.js";

export const CONFIRM_TTL_SECONDS = 48 * 3600;
/** Unsubscribe links must keep working in old mails; each new mail carries a fresh one. */
export const UNSUBSCRIBE_TTL_SECONDS = 365 * 24 * 3600;
/** At most one confirmation mail per address in this time, however often the form is sent. */
export const RESEND_AFTER_MINUTES = 10;

export interface NewsletterDeps {
  db: Kysely<DB>;
  mail: Mailer;
  signer: Signer;
  publicUrl: string;
}

/** A link's subject names the row and its address, so a token never applies to another subscriber. */
const subjectOf = (s: Subscriber) => `${s.id}:${s.email}`;

export function unsubscribeUrl(
  deps: Pick<NewsletterDeps, "signer" | "publicUrl">,
  subscriber: Subscriber,
  now = Date.now(),
): string {
  const token = deps.signer.sign(
    "newsletter-unsubscribe",
    subjectOf(subscriber),
    UNSUBSCRIBE_TTL_SECONDS,
    now,
  );
  return `${deps.publicUrl}/newsletter/unsubscribe?token=${token}`;
}

/**
 * Double opt-in. The caller's answer is the same whatever happens here (new, pending, confirmed,
 * unsubscribed), so the form never tells whether an address is on the list. A confirmed address
 * gets nothing; any other gets a confirmation mail, at most one per RESEND_AFTER_MINUTES. An
 * unsubscribed address stays unsubscribed until its owner confirms again.
 */
export async function subscribe(deps: NewsletterDeps, rawEmail: string, now = new Date()): Promise<void> {
  const email = normalizeEmail(rawEmail);
  await insertPendingSubscriber(deps.db, email, now);
  const subscriber = await findSubscriberByEmail(deps.db, email);
  if (!subscriber || subscriber.status === "confirmed") return;
  const last = await deps.mail.lastQueuedAt(CONFIRM_MAIL_KIND, email);
  if (last && now.getTime() - last.getTime() < RESEND_AFTER_MINUTES * 60_000) return;
  const token = deps.signer.sign(
    "newsletter-confirm",
    subjectOf(subscriber),
    CONFIRM_TTL_SECONDS,
    now.getTime(),
  );
  await deps.mail.enqueue(
    confirmationMail(email, {
      publicUrl: deps.publicUrl,
      confirmUrl: `${deps.publicUrl}/newsletter/confirm?token=${token}`,
      unsubscribeUrl: unsubscribeUrl(deps, subscriber, now.getTime()),
    }),
    now,
  );
}

/** The subscriber a valid token of this purpose names; `link_invalid` / `link_expired` otherwise. */
async function subscriberOfToken(
  deps: NewsletterDeps,
  purpose: TokenPurpose,
  token: string,
  now: Date,
): Promise<{ subscriber: Subscriber; issuedAt: Date }> {
  const verified = deps.signer.verify(purpose, token, now.getTime());
  const colon = verified.subject.indexOf(":");
  const id = Number(verified.subject.slice(0, colon));
  const subscriber = colon > 0 && Number.isInteger(id) ? await findSubscriberById(deps.db, id) : null;
  if (!subscriber || subscriber.email !== verified.subject.slice(colon + 1)) {
    throw new AppError("link_invalid", "This link does not match any subscription.");
  }
  return { subscriber, issuedAt: verified.issuedAt };
}

/** Confirm from the mailed link (idempotent). A link mailed before the address unsubscribed is spent. */
export async function confirmSubscription(
  deps: NewsletterDeps,
  token: string,
  now = new Date(),
): Promise<Subscriber> {
  const { subscriber, issuedAt } = await subscriberOfToken(deps, "newsletter-confirm", token, now);
  if (subscriber.status === "confirmed") return subscriber;
  if (subscriber.unsubscribedAt && issuedAt.getTime() < Date.parse(subscriber.unsubscribedAt)) {
    throw new AppError("link_expired", "This confirmation link was sent before you unsubscribed.");
  }
  await markConfirmed(deps.db, subscriber.id, now);
  return { ...subscriber, status: "confirmed", confirmedAt: now.toISOString() };
}

/** Check an unsubscribe link without acting on it (the page with the button). */
export async function findUnsubscribeTarget(
  deps: NewsletterDeps,
  token: string,
  now = new Date(),
): Promise<Subscriber> {
  return (await subscriberOfToken(deps, "newsletter-unsubscribe", token, now)).subscriber;
}

/** Unsubscribe at once (idempotent): no newsletter goes to the address until it signs up and confirms again. */
export async function unsubscribe(
  deps: NewsletterDeps,
  token: string,
  now = new Date(),
): Promise<Subscriber> {
  const { subscriber } = await subscriberOfToken(deps, "newsletter-unsubscribe", token, now);
  await markUnsubscribed(deps.db, subscriber.id, now);
  return { ...subscriber, status: "unsubscribed" };
}
