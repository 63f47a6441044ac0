import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "../audit/audit.js";
import { AppError } from "../errors.js";
import { findIssue, type Issue, setIssueStatus } from "./issue-repository.js";
import { acquireLease, LEASE_MS, LeaseKeeper, leaseHolder, releaseLease } from "./send-lock.js";
import { RETRY_DELAYS_MS } from "./send-outcome.js";
import {
  countStates,
  listRecipients,
  markLeftoversUncertain,
  type Recipient,
  type StateCounts,
} from "./send-repository.js";
import { type SendDeps, type SendEvent, SendRun } from "./send-run.js";
import { beginIssueSend } from "./send-start.js";

/** Recipients per batch: the unit of progress reports, and of the durable record. */
export const BATCH_SIZE = 50;
/** SMTP calls per second: polite to a relay (many limit bursts), 36,000 mails an hour. */
export const RATE_PER_SECOND = 10;

export interface SendOptions {
  /** Who starts the send, for the audit log: an editor's address, or `cli`. */
  actor: string;
  batchSize?: number;
  ratePerSecond?: number;
  leaseMs?: number;
  retryDelaysMs?: readonly number[];
  /** How long to wait for another sender's lease to end; 0 (the default): refuse at once. */
  waitMs?: number;
  signal?: AbortSignal;
  onProgress?: (event: SendEvent) => void | Promise<void>;
}

export interface SendReport {
  issueId: number;
  status: Issue["status"];
  counts: StateCounts;
  /** Left `sending` by a sender that died mid-call: an admin resends or skips each one. */
  uncertain: Recipient[];
  failed: Recipient[];
}

/** Identifies this sender in the lease (readable in the busy message: which host and process). */
export function newSenderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** Take the issue's lease, waiting up to `waitMs` for another sender's to end; `newsletter_busy` otherwise. */
async function takeLease(deps: SendDeps, issueId: number, sender: string, leaseMs: number, waitMs: number) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await acquireLease(deps.db, issueId, sender, new Date(), leaseMs)) return;
    const holder = await leaseHolder(deps.db, issueId, new Date());
    if (Date.now() >= deadline) {
      const who = holder ? ` (${holder.sender}, lease until ${holder.leaseUntil})` : "";
      throw new AppError(
        "newsletter_busy",
        `Issue ${issueId} is being sent by another sender${who}. Nothing was done: wait for it to finish, or try again later.`,
      );
    }
    await sleep(Math.min(1000, leaseMs / 4, Math.max(deadline - Date.now(), 1)));
  }
}

/**
 * Start the issue's send if it is a draft (false), or take over the leftovers of an earlier sender
 * (true: resumed): rows it left `sending` become `uncertain`.
 */
async function prepare(deps: SendDeps, issue: Issue, actor: string, batchSize: number): Promise<boolean> {
  const now = new Date();
  if (await beginIssueSend(deps.db, issue.id, batchSize, actor, now)) {
    const counts = await countStates(deps.db, issue.id);
    await recordAudit(deps.db, {
      actor,
      action: "newsletter.send_started",
      target: `issue:${issue.id}`,
      detail: { recipients: counts.pending },
    });
    return false;
  }
  const uncertain = await markLeftoversUncertain(deps.db, issue.id);
  await recordAudit(deps.db, {
    actor,
    action: "newsletter.send_resumed",
    target: `issue:${issue.id}`,
    detail: { newlyUncertain: uncertain },
  });
  return true;
}

export async function sendReport(deps: Pick<SendDeps, "db">, issueId: number): Promise<SendReport> {
  const issue = await findIssue(deps.db, issueId);
  if (!issue) throw new AppError("not_found", `There is no issue ${issueId}.`, "issue");
  return {
    issueId,
    status: issue.status,
    counts: await countStates(deps.db, issueId),
    uncertain: await listRecipients(deps.db, issueId, "uncertain"),
    failed: await listRecipients(deps.db, issueId, "failed"),
  };
}

/**
 * Send an issue to every confirmed subscriber, or resume its send: exactly one sender per issue
 * (the lease), never a second mail to a recipient already sent (the rows), the uncertain ones
 * listed and left for an admin. The same call from the admin page and the command line.
 */
export async function sendIssue(deps: SendDeps, issueId: number, options: SendOptions): Promise<SendReport> {
  const issue = await findIssue(deps.db, issueId);
  if (!issue) throw new AppError("not_found", `There is no issue ${issueId}.`, "issue");
  const sender = newSenderId();
  const leaseMs = options.leaseMs ?? LEASE_MS;
  await takeLease(deps, issueId, sender, leaseMs, options.waitMs ?? 0);
  const lease = new LeaseKeeper(deps.db, issueId, sender, leaseMs);
  try {
    const resumed = await prepare(deps, issue, options.actor, options.batchSize ?? BATCH_SIZE);
    // Read again once the send has begun: from now on the issue cannot change, and this is what goes out.
    const sent = (await findIssue(deps.db, issueId)) ?? issue;
    const counts = await countStates(deps.db, issueId);
    await options.onProgress?.({ type: "started", issueId, subject: sent.subject, resumed, counts });
    const run = new SendRun(deps, sent, {
      sender,
      lease,
      ratePerSecond: options.ratePerSecond ?? RATE_PER_SECOND,
      retryDelaysMs: options.retryDelaysMs ?? RETRY_DELAYS_MS,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    await run.sendBatches();
    await run.sendRetries();
    await finish(deps, issueId, options.actor);
  } finally {
    await lease.stop();
    await releaseLease(deps.db, issueId, sender).catch(() => undefined);
  }
  return sendReport(deps, issueId);
}

/** Every row settled (sent, failed, skipped, or uncertain awaiting an admin): the issue is sent. */
async function finish(deps: SendDeps, issueId: number, actor: string): Promise<void> {
  const counts = await countStates(deps.db, issueId);
  if (counts.pending + counts.sending + counts.retry > 0) return;
  const issue = await findIssue(deps.db, issueId);
  if (issue?.status === "sent") return;
  await setIssueStatus(deps.db, issueId, "sent", new Date());
  await recordAudit(deps.db, {
    actor,
    action: "newsletter.send_finished",
    target: `issue:${issueId}`,
    detail: counts,
  });
}
