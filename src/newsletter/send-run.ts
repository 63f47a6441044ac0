import { setTimeout as sleep } from "node:timers/promises";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import type { MailTransport } from "../mail/types.js";
import type { Signer } from "../security/signing.js";
import { recipientLinks } from "./data-rights.js";
import { issueMail, issueMailKind } from "./issue-mail.js";
import type { Issue } from "./issue-repository.js";
import { findSubscriberById, type Subscriber } from "./repository.js";
import type { LeaseKeeper } from "./send-lock.js";
import { classifyFailure } from "./send-outcome.js";
import {
  countStates,
  dueRecipients,
  markBatch,
  markSending,
  nextRetryAt,
  openBatches,
  type Recipient,
  type Settlement,
  type StateCounts,
  settleRecipient,
} from "./send-repository.js";

export interface SendDeps {
  db: Kysely<DB>;
  /** Mails go straight to the transport, one at a time, so each row's state follows its SMTP call. */
  transport: MailTransport;
  signer: Signer;
  publicUrl: string;
  mailFrom: string;
}

export type SendEvent =
  | { type: "started"; issueId: number; subject: string; resumed: boolean; counts: StateCounts }
  | { type: "batch-started"; batch: number; batches: number }
  | { type: "batch-completed"; batch: number; batches: number; counts: StateCounts }
  | {
      type: "recipient";
      recipientId: number;
      email: string | null;
      state: Settlement["state"];
      error?: string;
    }
  | { type: "waiting-for-retries"; until: string };

export interface RunSettings {
  sender: string;
  /** Renews the lease while the run goes on. */
  lease: LeaseKeeper;
  ratePerSecond: number;
  retryDelaysMs: readonly number[];
  signal?: AbortSignal | undefined;
  onProgress?: ((event: SendEvent) => void | Promise<void>) | undefined;
}

/**
 * One sender's pass over an issue, under its lease: the open batches in order, each row marked
 * `sending` (committed) before its SMTP call and settled after, then the temporary failures once
 * their wait is over. Paced to `ratePerSecond`.
 */
export class SendRun {
  private lastSendAt = 0;

  constructor(
    private readonly deps: SendDeps,
    private readonly issue: Issue,
    private readonly settings: RunSettings,
  ) {}

  async sendBatches(): Promise<void> {
    const batches = await openBatches(this.deps.db, this.issue.id);
    const total = batches.at(-1)?.number ?? 0;
    for (const batch of batches) {
      await markBatch(this.deps.db, batch.id, "started", new Date());
      await this.progress({ type: "batch-started", batch: batch.number, batches: total });
      for (const row of await dueRecipients(this.deps.db, { batchId: batch.id }, new Date())) {
        await this.deliver(row);
      }
      await markBatch(this.deps.db, batch.id, "completed", new Date());
      const counts = await countStates(this.deps.db, this.issue.id);
      await this.progress({ type: "batch-completed", batch: batch.number, batches: total, counts });
    }
  }

  /** Temporary failures: wait for each to come due (keeping the lease), until none is left waiting. */
  async sendRetries(): Promise<void> {
    for (let due = await nextRetryAt(this.deps.db, this.issue.id); due; ) {
      await this.progress({ type: "waiting-for-retries", until: due });
      await this.waitUntil(Date.parse(due));
      for (const row of await dueRecipients(this.deps.db, { issueId: this.issue.id }, new Date())) {
        await this.deliver(row);
      }
      due = await nextRetryAt(this.deps.db, this.issue.id);
    }
  }

  private async deliver(row: Recipient): Promise<void> {
    this.settings.signal?.throwIfAborted();
    this.checkLease();
    const { db } = this.deps;
    const subscriber = row.subscriberId ? await findSubscriberById(db, row.subscriberId) : null;
    if (subscriber?.status !== "confirmed" || subscriber.email !== row.email) {
      // Unsubscribed or deleted since the send began: nothing goes out.
      const outcome = { state: "skipped", error: "no longer a confirmed subscriber" } as const;
      await settleRecipient(db, row, outcome, new Date());
      return this.progress({
        type: "recipient",
        recipientId: row.id,
        email: row.email,
        state: outcome.state,
      });
    }
    await this.pace();
    if (!(await markSending(db, row, this.settings.sender, new Date()))) {
      throw new AppError("newsletter_busy", `Lost the send lock of issue ${this.issue.id}: stopped.`);
    }
    const outcome = await this.attempt(row, subscriber);
    await settleRecipient(db, { ...row, state: "sending" }, outcome, new Date());
    const error = "error" in outcome ? outcome.error : undefined;
    await this.progress({
      type: "recipient",
      recipientId: row.id,
      email: row.email,
      state: outcome.state,
      error,
    });
  }

  private async attempt(row: Recipient, subscriber: Subscriber): Promise<Settlement> {
    const { publicUrl, mailFrom, signer, transport } = this.deps;
    const mail = issueMail({
      issue: this.issue,
      kind: issueMailKind(this.issue.id),
      to: subscriber.email,
      publicUrl,
      mailFrom,
      links: recipientLinks({ signer, publicUrl }, subscriber),
    });
    try {
      // The row's id names the Message-ID: a resent uncertain mail keeps it, so receivers can drop a copy.
      await transport.send({ ...mail, id: row.id, from: mailFrom });
      return { state: "sent" };
    } catch (error) {
      return classifyFailure(error, row.attempts, this.settings.retryDelaysMs, new Date());
    }
  }

  /** At most `ratePerSecond` SMTP calls per second. */
  private async pace(): Promise<void> {
    const wait = this.lastSendAt + 1000 / this.settings.ratePerSecond - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastSendAt = Date.now();
  }

  private checkLease(): void {
    if (this.settings.lease.lost) {
      throw new AppError("newsletter_busy", `Another sender took over issue ${this.issue.id}: stopped.`);
    }
  }

  private async waitUntil(time: number): Promise<void> {
    const left = time - Date.now();
    if (left > 0) await sleep(left, undefined, { signal: this.settings.signal });
    this.checkLease();
  }

  private async progress(event: SendEvent): Promise<void> {
    await this.settings.onProgress?.(event);
  }
}
