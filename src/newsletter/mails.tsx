import { renderToString } from "preact-render-to-string";
import type { MailMessage } from "../mail/types.js";

export const CONFIRM_MAIL_KIND = "newsletter-confirm";

export interface ConfirmationLinks {
  publicUrl: string;
  confirmUrl: string;
  unsubscribeUrl: string;
}

/**
 * The headers of RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button that POSTs
 * `List-Unsubscribe=One-Click` to the URL, with no page and no login. Every mail we send has them.
 */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The double opt-in mail: plain text first (what many readers see), and the same in simple HTML. */
export function confirmationMail(to: string, links: ConfirmationLinks): MailMessage {
  const text = [
    "Hello,",
    "",
    "Someone, hopefully you, asked to receive the weekly INCI Atlas newsletter at this address.",
    "To confirm, open this link within 48 hours:",
    "",
    links.confirmUrl,
    "",
    "If you did not ask for it, ignore this mail: you will not be subscribed and we will not write again.",
    "",
    `To stop any mail from us to this address: ${links.unsubscribeUrl}`,
    "",
    "-- ",
    `INCI Atlas, ${links.publicUrl}`,
    "",
  ].join("\n");
  return {
    kind: CONFIRM_MAIL_KIND,
    to,
    subject: "Confirm your INCI Atlas newsletter subscription",
    text,
    html: `<!doctype html>${renderToString(<ConfirmationHtml {...links} />)}`,
    headers: unsubscribeHeaders(links.unsubscribeUrl),
  };
}

function ConfirmationHtml(links: ConfirmationLinks) {
  return (
    <html lang="en">
      <body>
        <p>Hello,</p>
        <p>Someone, hopefully you, asked to receive the weekly INCI Atlas newsletter at this address.</p>
        <p>
          <a href={links.confirmUrl}>Confirm my subscription</a> (the link works for 48 hours).
        </p>
        <p>
          If you did not ask for it, ignore this mail: you will not be subscribed and we will not write again.
        </p>
        <p>
          <a href={links.unsubscribeUrl}>Stop any mail from us to this address</a>
        </p>
        <p>
          INCI Atlas, <a href={links.publicUrl}>{links.publicUrl}</a>
        </p>
      </body>
    </html>
  );
}
