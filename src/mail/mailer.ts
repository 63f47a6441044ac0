import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import {
  claimMail,
  findDueIds,
  insertMail,
  lastQueuedAt,
  markAttemptFailed,
  markSent,
  type OutboxRow,
} from "./outbox.js";
import type { MailLog, MailMessage, MailTransport, OutgoingMail } from "./types.js";

export interface MailerOptions {
  /** Sender of every mail (MAIL_FROM). */
  from: string;
  /** Interval of the background worker; 0 = this instance never sends (others' workers will). */
  pollMs: number;
  /** Rows taken per pass. */
  batchSize?: number;
  /** How long a claimed row stays ours: well above the transport's timeouts. */
  leaseMs?: number;
}

export interface PassResult {
  sent: number;
  retried: number;
  failed: number;
}

const silent: MailLog = { info: () => {}, warn: () => {} };

/**
 * The mail service: `enqueue` writes the outbox row and returns at once (a request never waits
 * for SMTP); a worker pass claims due rows under a lease, hands them to the transport, and marks
 * each sent, or schedules a retry with backoff. Safe with several instances on one database.
 */
export class Mailer {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<PassResult> | undefined;
  private log: MailLog = silent;

  constructor(
    private readonly db: Kysely<DB>,
    readonly transport: MailTransport,
    private readonly options: MailerOptions,
  ) {}

  get description(): string {
    return this.transport.description;
  }

  /** Fastify's logger is created after boot; until attached, the worker logs nothing (errors stay in the rows). */
  attachLogger(log: MailLog): void {
    this.log = log;
  }

  enqueue(mail: MailMessage, now = new Date()): Promise<number> {
    return insertMail(this.db, mail, now);
  }

  /** When the latest mail of this kind was queued for this address, or null. */
  lastQueuedAt(kind: string, recipient: string): Promise<Date | null> {
    return lastQueuedAt(this.db, kind, recipient);
  }

  /** One worker pass over the mails due at `now` (tests pass a later `now` to reach a retry). */
  async runOnce(now = new Date()): Promise<PassResult> {
    const result: PassResult = { sent: 0, retried: 0, failed: 0 };
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 5 * 60_000));
    for (const id of await findDueIds(this.db, now, this.options.batchSize ?? 50)) {
      const row = await claimMail(this.db, id, now, leaseUntil);
      if (row) await this.deliver(row, now, result);
    }
    return result;
  }

  start(): void {
    if (this.options.pollMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), this.options.pollMs);
    this.timer.unref();
  }

  /** Stop the worker, let a running pass finish, close the transport. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.pass?.catch(() => undefined);
    this.transport.close();
  }

  private tick(): void {
    if (this.pass) return;
    this.pass = this.runOnce()
      .catch((error: unknown) => {
        // A database hiccup: the rows stay pending and the next tick tries again.
        this.log.warn(`outbox pass failed: ${(error as Error).message}`);
        return { sent: 0, retried: 0, failed: 0 };
      })
      .finally(() => {
        this.pass = undefined;
      });
  }

  private async deliver(row: OutboxRow, now: Date, result: PassResult): Promise<void> {
    try {
      await this.transport.send(toOutgoing(row, this.options.from));
    } catch (error) {
      const reason = (error as Error).message || String(error);
      const status = await markAttemptFailed(this.db, row, now, reason);
      result[status === "failed" ? "failed" : "retried"] += 1;
      this.log.warn(`mail ${row.id} (${row.kind}) attempt ${row.attempts + 1} failed: ${reason}`);
      return;
    }
    await markSent(this.db, row, now);
    result.sent += 1;
  }
}

function toOutgoing(row: OutboxRow, from: string): OutgoingMail {
  return {
    id: row.id,
    kind: row.kind,
    from,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: JSON.parse(row.headers) as Record<string, string>,
  };
}
