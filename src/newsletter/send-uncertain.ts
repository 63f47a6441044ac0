import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import { normalizeEmail } from "./email.js";

/**
 * An admin's decision on an uncertain recipient (a sender died during its SMTP call, so the mail
 * may or may not have arrived): `resend` puts it back in the queue (the next send or resume
 * delivers it, with the same Message-ID), `skip` settles it as not sent. Never decided
 * automatically: a second copy and a missing one are both the admin's call.
 */
export type Resolution = "resend" | "skip";

export interface ResolveInput {
  issueId: number;
  /** The recipient, by address (command line) or row id (admin page). */
  recipient: { email: string } | { id: number };
  action: Resolution;
  actor: string;
}

export async function resolveUncertain(db: Kysely<DB>, input: ResolveInput, now = new Date()): Promise<void> {
  const { issueId, action, actor } = input;
  await db.transaction().execute(async (tx) => {
    let query = tx
      .selectFrom("newsletter_recipients")
      .select(["id", "batch_id"])
      .where("issue_id", "=", issueId)
      .where("state", "=", "uncertain");
    query =
      "email" in input.recipient
        ? query.where("email", "=", normalizeEmail(input.recipient.email))
        : query.where("id", "=", input.recipient.id);
    const row = await query.executeTakeFirst();
    if (!row) {
      throw new AppError(
        "not_found",
        `Issue ${issueId} has no uncertain recipient with this address.`,
        "email",
      );
    }
    await tx
      .updateTable("newsletter_recipients")
      .set({ state: action === "resend" ? "pending" : "skipped", resolved_by: actor, next_attempt_at: null })
      .where("id", "=", row.id)
      .where("state", "=", "uncertain")
      .execute();
    if (action === "resend") {
      // Reopen its batch and the issue, so that the next run (or resume) picks the row up.
      await tx
        .updateTable("newsletter_batches")
        .set({ completed_at: null })
        .where("id", "=", row.batch_id)
        .execute();
      await tx
        .updateTable("newsletter_issues")
        .set({ status: "sending", sent_at: null })
        .where("id", "=", issueId)
        .where("status", "=", "sent")
        .execute();
    }
    await recordAudit(
      tx,
      {
        actor,
        action: `newsletter.recipient_${action === "resend" ? "resent" : "skipped"}`,
        target: `issue:${issueId}`,
        detail: { recipient: row.id },
      },
      now,
    );
  });
}
