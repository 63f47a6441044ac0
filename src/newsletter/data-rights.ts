import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { deleteMailsTo, listMailsTo } from "../mail/outbox.js";
import type { Signer } from "../security/signing.js";
import { anonymiseRecipients, listIssuesOfSubscriber, type ReceivedIssue } from "./data-rights-repository.js";
import type { RecipientLinks } from "./issue-mail.js";
import { deleteSubscriber, findSubscriberById, type Subscriber } from "./repository.js";
import { unsubscribeUrl } from "./service.js";

/**
 * A subscriber's data rights (GDPR articles 15, 17 and 20): see and export everything we hold
 * about them, or delete it, through a signed link in every issue. No account, no password: the
 * link is the authority, as for unsubscribing.
 */
export const DATA_LINK_TTL_SECONDS = 365 * 24 * 3600;

export interface DataRightsDeps {
  db: Kysely<DB>;
  signer: Signer;
  publicUrl: string;
}

/** The same subject as the other newsletter links: the row and its address, so a token fits one subscriber. */
const subjectOf = (s: Subscriber) => `${s.id}:${s.email}`;

export function dataUrl(deps: Omit<DataRightsDeps, "db">, subscriber: Subscriber, now = Date.now()): string {
  const token = deps.signer.sign("newsletter-data", subjectOf(subscriber), DATA_LINK_TTL_SECONDS, now);
  return `${deps.publicUrl}/newsletter/data?token=${token}`;
}

/** The links an issue's mail carries for its subscriber, signed now. */
export function recipientLinks(
  deps: Omit<DataRightsDeps, "db">,
  subscriber: Subscriber,
  now = Date.now(),
): RecipientLinks {
  return { unsubscribeUrl: unsubscribeUrl(deps, subscriber, now), dataUrl: dataUrl(deps, subscriber, now) };
}

/** The subscriber a valid data link names; `link_invalid` when it matches nobody (e.g. already deleted). */
export async function subscriberOfDataLink(
  deps: DataRightsDeps,
  token: string,
  now = new Date(),
): Promise<Subscriber> {
  const { subject } = deps.signer.verify("newsletter-data", token, now.getTime());
  const colon = subject.indexOf(":");
  const id = Number(subject.slice(0, colon));
  const subscriber = colon > 0 && Number.isInteger(id) ? await findSubscriberById(deps.db, id) : null;
  if (!subscriber || subscriber.email !== subject.slice(colon + 1)) {
    throw new AppError("link_invalid", "We hold no data for this link: it may have been deleted already.");
  }
  return subscriber;
}

export interface SubscriberExport {
  exportedAt: string;
  subscriber: {
    email: string;
    status: string;
    signedUpAt: string;
    confirmedAt: string | null;
    unsubscribedAt: string | null;
  };
  newsletterIssues: ReceivedIssue[];
  mails: Array<{ kind: string; subject: string; queuedAt: string; status: string; sentAt: string | null }>;
  note: string;
}

/** Everything the database holds about the subscriber, as one JSON document. */
export async function exportSubscriberData(
  deps: DataRightsDeps,
  token: string,
  now = new Date(),
): Promise<SubscriberExport> {
  const s = await subscriberOfDataLink(deps, token, now);
  const [issues, mails] = await Promise.all([
    listIssuesOfSubscriber(deps.db, s.id),
    listMailsTo(deps.db, s.email),
  ]);
  return {
    exportedAt: now.toISOString(),
    subscriber: {
      email: s.email,
      status: s.status,
      signedUpAt: s.createdAt,
      confirmedAt: s.confirmedAt,
      unsubscribedAt: s.unsubscribedAt,
    },
    newsletterIssues: issues,
    mails: mails.map((m) => ({
      kind: m.kind,
      subject: m.subject,
      queuedAt: m.created_at,
      status: m.status,
      sentAt: m.sent_at,
    })),
    note:
      "This is all our database holds about you: your address, your subscription's dates, which issues " +
      "went to you and the mails we queued for you. No name, no IP address, no record of opens or clicks.",
  };
}

/**
 * Delete the subscriber: their row and their queued newsletter mails go, their recipient rows of
 * past issues are anonymised (kept without address, for the issues' counts). One transaction.
 */
export async function deleteSubscriberData(deps: DataRightsDeps, token: string, now = new Date()) {
  const subscriber = await subscriberOfDataLink(deps, token, now);
  await deps.db.transaction().execute(async (tx) => {
    const recipients = await anonymiseRecipients(tx, subscriber.id);
    const mails = await deleteMailsTo(tx, subscriber.email, "newsletter");
    await deleteSubscriber(tx, subscriber.id);
    // The address is never written to the audit log: the subscriber's id says which row went.
    await recordAudit(
      tx,
      {
        actor: "subscriber",
        action: "subscriber.data_deleted",
        target: `subscriber:${subscriber.id}`,
        detail: { anonymisedRecipients: recipients, deletedMails: mails },
      },
      now,
    );
  });
  return subscriber;
}
