import { recordAudit } from "../audit/audit.js";
import type { Mailer } from "../mail/mailer.js";
import type { Signer } from "../security/signing.js";
import { recipientLinks } from "./data-rights.js";
import { issueMail, type RecipientLinks, TEST_MAIL_KIND } from "./issue-mail.js";
import type { Issue } from "./issue-repository.js";
import { findSubscriberByEmail } from "./repository.js";

/**
 * The preview's and the test mail's links. A preview has no subscriber: its links lead to the
 * pages with a token that names nobody, which say so ("this link does not match any subscription").
 */
export function previewLinks(publicUrl: string): RecipientLinks {
  return {
    unsubscribeUrl: `${publicUrl}/newsletter/unsubscribe?token=preview`,
    dataUrl: `${publicUrl}/newsletter/data?token=preview`,
  };
}

export interface TestMailDeps {
  mail: Mailer;
  signer: Signer;
  publicUrl: string;
  mailFrom: string;
  db: Parameters<typeof findSubscriberByEmail>[0];
}

/**
 * "Send a test to me": the issue as a subscriber gets it, to the signed-in editor's address,
 * through the outbox like every other mail. An editor who is also a confirmed subscriber gets
 * their own working links; otherwise the preview's.
 */
export async function sendTestIssue(deps: TestMailDeps, issue: Issue, editorEmail: string, now = new Date()) {
  const subscriber = await findSubscriberByEmail(deps.db, editorEmail);
  const links =
    subscriber?.status === "confirmed"
      ? recipientLinks(deps, subscriber, now.getTime())
      : previewLinks(deps.publicUrl);
  const mail = issueMail({
    issue: { ...issue, subject: `[Test] ${issue.subject}` },
    kind: TEST_MAIL_KIND,
    to: editorEmail,
    publicUrl: deps.publicUrl,
    mailFrom: deps.mailFrom,
    links,
  });
  const id = await deps.mail.enqueue(mail, now);
  await recordAudit(deps.db, {
    actor: editorEmail,
    action: "newsletter.test_sent",
    target: `issue:${issue.id}`,
    detail: { outbox: id },
  });
  return id;
}
