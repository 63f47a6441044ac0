import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { type Database, openMigratedDatabase } from "../db/database.js";
import { AppError } from "../errors.js";
import { createMailTransport } from "../mail/transports.js";
import type { Recipient, StateCounts } from "../newsletter/send-repository.js";
import type { SendDeps, SendEvent } from "../newsletter/send-run.js";
import { type SendOptions, type SendReport, sendIssue, sendReport } from "../newsletter/send-service.js";
import { resolveUncertain } from "../newsletter/send-uncertain.js";
import { loadSigningKey, Signer } from "../security/signing.js";
import { write } from "./io.js";

/** The audit log's actor for what the command line does. */
const CLI_ACTOR = "cli";

const countsText = (c: StateCounts) =>
  `${c.sent} sent, ${c.pending} pending, ${c.retry} waiting to retry, ${c.failed} failed, ${c.skipped} skipped, ${c.uncertain} uncertain`;

/** One line per event worth a person's attention; each sent mail is counted, not printed. */
export function progressLine(event: SendEvent): string | null {
  switch (event.type) {
    case "started": {
      const total = Object.values(event.counts).reduce((a, b) => a + b, 0);
      return `Issue ${event.issueId} "${event.subject}": ${event.resumed ? "resuming" : "sending"} (${total} recipients: ${countsText(event.counts)}).`;
    }
    case "batch-completed":
      return `batch ${event.batch}/${event.batches} done: ${countsText(event.counts)}`;
    case "recipient":
      if (event.state === "sent") return null;
      return `  ${event.email ?? `recipient ${event.recipientId}`}: ${event.state}${event.error ? ` (${event.error})` : ""}`;
    case "waiting-for-retries":
      return `waiting until ${event.until} to retry temporary failures`;
    default:
      return null;
  }
}

function uncertainText(issueId: number, rows: Recipient[]): string {
  if (rows.length === 0) return `Issue ${issueId} has no uncertain recipients.\n`;
  const lines = rows.map(
    (r) => `  ${r.email ?? `(deleted subscriber, row ${r.id})`}  marked ${r.markedAt ?? "?"}`,
  );
  return (
    `Uncertain recipients of issue ${issueId} (a sender stopped during their SMTP call: the mail may or may not have arrived):\n` +
    `${lines.join("\n")}\n` +
    `Decide each: inci-atlas newsletter resolve --issue ${issueId} --resend EMAIL (or --skip EMAIL), then send again.\n`
  );
}

/** The end of a send: totals, the uncertain list; `send_incomplete` (exit 1) while some await a decision. */
export function reportText(report: SendReport): string {
  return `Issue ${report.issueId} is ${report.status}: ${countsText(report.counts)}.\n${report.uncertain.length > 0 ? uncertainText(report.issueId, report.uncertain) : ""}`;
}

/** `inci-atlas newsletter send --issue N`: send or resume, printing progress as it goes. */
export async function newsletterSend(
  deps: SendDeps,
  issueId: number,
  options: Omit<SendOptions, "actor" | "onProgress">,
  out: (text: string) => Promise<void>,
): Promise<SendReport> {
  const report = await sendIssue(deps, issueId, {
    ...options,
    actor: CLI_ACTOR,
    onProgress: async (event) => {
      const line = progressLine(event);
      if (line) await out(`${line}\n`);
    },
  });
  await out(reportText(report));
  if (report.uncertain.length > 0) {
    throw new AppError(
      "send_incomplete",
      `${report.uncertain.length} uncertain recipients await a decision (listed above).`,
    );
  }
  return report;
}

export async function newsletterUncertain(database: Database, issueId: number): Promise<string> {
  const report = await sendReport(database, issueId);
  return uncertainText(issueId, report.uncertain);
}

export async function newsletterResolve(
  database: Database,
  issueId: number,
  flags: { resend?: string; skip?: string },
): Promise<string> {
  if ((flags.resend === undefined) === (flags.skip === undefined)) {
    throw new AppError("bad_input", "Give exactly one of --resend EMAIL or --skip EMAIL.");
  }
  const action = flags.resend !== undefined ? "resend" : "skip";
  const email = (flags.resend ?? flags.skip) as string;
  await resolveUncertain(database.db, { issueId, recipient: { email }, action, actor: CLI_ACTOR });
  return action === "resend"
    ? `${email} is queued again: run \`inci-atlas newsletter send --issue ${issueId}\` to send it.\n`
    : `${email} is settled as not sent.\n`;
}

/** Open what a send needs: the database, the signing key (shared with the web app), the mail transport. */
async function withSendDeps(run: (deps: SendDeps & { database: Database }) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config.database);
  const transport = createMailTransport(config);
  try {
    const signer = new Signer(await loadSigningKey(database.db, config.secretKey));
    await run({
      database,
      db: database.db,
      transport,
      signer,
      publicUrl: config.publicUrl,
      mailFrom: config.mailFrom,
    });
  } finally {
    transport.close();
    await database.close();
  }
}

function issueNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647)
    throw new AppError("bad_input", "--issue takes an issue number.", "issue");
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 86_400)
    throw new AppError("bad_input", "--wait takes 0 to 86400 seconds.", "wait");
  return n;
}

export function addNewsletterCommands(program: Command): void {
  const newsletter = program
    .command("newsletter")
    .description("Send the weekly newsletter and settle its uncertain recipients.");
  newsletter
    .command("send")
    .description(
      "Send an issue to every confirmed subscriber, or resume its send (never twice to anyone). Exit 0 done, 1 busy or uncertain recipients left, 2 error.",
    )
    .requiredOption("--issue <n>", "the issue number", issueNumber)
    .option(
      "--wait <seconds>",
      "wait this long for another sender of the issue to finish (default: exit at once)",
      seconds,
    )
    .action(async (flags: { issue: number; wait?: number }) => {
      const controller = new AbortController();
      // Ctrl-C stops between two mails and releases the lock; the rows say where it stopped.
      process.once("SIGINT", () => controller.abort());
      await withSendDeps(async (deps) => {
        await newsletterSend(
          deps,
          flags.issue,
          { waitMs: (flags.wait ?? 0) * 1000, signal: controller.signal },
          write,
        ).catch((error: unknown) => {
          if (!controller.signal.aborted) throw error;
          throw new AppError(
            "send_incomplete",
            `Stopped. Resume with: inci-atlas newsletter send --issue ${flags.issue}`,
          );
        });
      });
    });
  newsletter
    .command("uncertain")
    .description("List an issue's uncertain recipients (a sender stopped during their SMTP call).")
    .requiredOption("--issue <n>", "the issue number", issueNumber)
    .action(async (flags: { issue: number }) => {
      await withSendDeps(async ({ database }) => write(await newsletterUncertain(database, flags.issue)));
    });
  newsletter
    .command("resolve")
    .description(
      "Decide an uncertain recipient: --resend EMAIL queues it again, --skip EMAIL settles it as not sent.",
    )
    .requiredOption("--issue <n>", "the issue number", issueNumber)
    .option("--resend <email>", "queue the mail to this address again")
    .option("--skip <email>", "do not send to this address")
    .action(async (flags: { issue: number; resend?: string; skip?: string }) => {
      await withSendDeps(async ({ database }) =>
        write(await newsletterResolve(database, flags.issue, flags)),
      );
    });
}
