import { AppError } from "../errors.js";
import type { MailLog } from "../mail/types.js";
import type { SendDeps } from "./send-run.js";
import { type SendOptions, sendIssue } from "./send-service.js";

/**
 * Sends started from the admin pages run in the background of the instance that got the click:
 * the request returns at once, and the issue's page shows the progress from the rows. Another
 * instance clicking the same issue is refused by the lease. When the app closes, the runs are
 * stopped between two mails and their lease is released: the rows say where each stopped, and
 * "Resume sending" (or `inci-atlas newsletter send`) continues.
 */
export class BackgroundSends {
  private readonly running = new Map<number, Promise<void>>();
  private readonly controller = new AbortController();

  constructor(
    private readonly deps: SendDeps,
    private readonly log: MailLog,
    private readonly options: Omit<SendOptions, "actor" | "signal"> = {},
  ) {}

  isRunning(issueId: number): boolean {
    return this.running.has(issueId);
  }

  /** Start (or resume) the issue's send unless this instance already runs it. */
  start(issueId: number, actor: string): void {
    if (this.running.has(issueId) || this.controller.signal.aborted) return;
    const run = sendIssue(this.deps, issueId, { ...this.options, actor, signal: this.controller.signal })
      .then((report) => {
        this.log.info(`newsletter issue ${issueId}: ${JSON.stringify(report.counts)}`);
      })
      .catch((error: unknown) => {
        if (this.controller.signal.aborted) return;
        const busy = error instanceof AppError && error.code === "newsletter_busy";
        this.log.warn(
          `newsletter issue ${issueId}: ${busy ? "" : "send failed: "}${(error as Error).message}`,
        );
      })
      .finally(() => {
        this.running.delete(issueId);
      });
    this.running.set(issueId, run);
  }

  /** Wait for every run of this instance to end (tests; shutdown). */
  async idle(): Promise<void> {
    await Promise.all(this.running.values());
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.idle();
  }
}
