import { renderToString } from "preact-render-to-string";
import type { MailMessage } from "../mail/types.js";
import { renderMarkdown } from "../web/markdown.js";
import type { ArticleKind, IssueArticle, IssueContent } from "./issue-repository.js";
import { unsubscribeHeaders } from "./mails.js";

/** One issue's mail to one subscriber: plain text and HTML with the same content, and the list headers. */

/** A subscriber's own links, signed for them (placeholders in a preview or a test mail). */
export interface RecipientLinks {
  unsubscribeUrl: string;
  /** The page where they export or delete their data. */
  dataUrl: string;
}

export const TEST_MAIL_KIND = "newsletter-test";
/** The outbox/transport kind of an issue's mails; it also names their Message-ID. */
export const issueMailKind = (issueId: number) => `newsletter-${issueId}`;

const KIND_LABEL: Record<ArticleKind, string> = {
  new: "New article",
  updated: "Updated",
  correction: "Corrected",
};

export const articleUrl = (publicUrl: string, article: IssueArticle) =>
  `${publicUrl}/ingredients/${article.slug}`;

/** The address in MAIL_FROM ("INCI Atlas <news@x.org>" or "news@x.org"), or null when it has none. */
export function mailFromAddress(mailFrom: string): string | null {
  const address = (/<([^<>\s]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : null;
}

/**
 * RFC 2369 List-Unsubscribe with the signed https link first (RFC 8058 one-click: mail programs
 * POST `List-Unsubscribe=One-Click` to it), then a mailto: for programs that only know that one.
 * Mail to that address is read by a person: nothing here processes incoming mail.
 */
export function issueListHeaders(unsubscribeUrl: string, mailFrom: string): Record<string, string> {
  const headers = unsubscribeHeaders(unsubscribeUrl);
  const address = mailFromAddress(mailFrom);
  if (address) {
    headers["List-Unsubscribe"] = `<${unsubscribeUrl}>, <mailto:${address}?subject=unsubscribe>`;
  }
  return headers;
}

function articleText(publicUrl: string, article: IssueArticle): string {
  const lines = [`* ${article.name} (${KIND_LABEL[article.kind]})`];
  if (article.summary) lines.push(`  ${article.summary}`);
  if (article.note && article.kind !== "new") lines.push(`  What changed: ${article.note}`);
  lines.push(`  ${articleUrl(publicUrl, article)}`);
  return lines.join("\n");
}

/** The plain-text part: the intro's Markdown is already readable as text. */
export function issueText(issue: IssueContent, publicUrl: string, links: RecipientLinks): string {
  const articles = issue.articles.map((a) => articleText(publicUrl, a));
  return [
    issue.subject,
    "",
    issue.intro.trim(),
    "",
    ...(articles.length > 0 ? ["New and updated articles", "", articles.join("\n\n"), ""] : []),
    "-- ",
    "You receive this because you subscribed to the weekly INCI Atlas newsletter.",
    `Unsubscribe (one click): ${links.unsubscribeUrl}`,
    `Export or delete your data: ${links.dataUrl}`,
    `INCI Atlas, ${publicUrl}`,
    "",
  ].join("\n");
}

/** The issue's content as HTML: the mail's body, and the admin preview. */
export function IssueBody(props: { issue: IssueContent; publicUrl: string }) {
  const { issue, publicUrl } = props;
  return (
    <div class="issue-body">
      {/* renderMarkdown: raw HTML disabled, the one sanctioned source of inner HTML. */}
      <div class="issue-intro" dangerouslySetInnerHTML={{ __html: renderMarkdown(issue.intro) }} />
      {issue.articles.length > 0 && <h2>New and updated articles</h2>}
      <ul class="issue-articles">
        {issue.articles.map((article) => (
          <li key={article.slug}>
            <h3>
              <a href={articleUrl(publicUrl, article)}>{article.name}</a>{" "}
              <small>({KIND_LABEL[article.kind]})</small>
            </h3>
            {article.summary && <p>{article.summary}</p>}
            {article.note && article.kind !== "new" && <p>What changed: {article.note}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function IssueDocument(props: { issue: IssueContent; publicUrl: string; links: RecipientLinks }) {
  const { issue, publicUrl, links } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{issue.subject}</title>
      </head>
      <body>
        <h1>{issue.subject}</h1>
        <IssueBody issue={issue} publicUrl={publicUrl} />
        <hr />
        <p>You receive this because you subscribed to the weekly INCI Atlas newsletter.</p>
        <p>
          <a href={links.unsubscribeUrl}>Unsubscribe</a> ·{" "}
          <a href={links.dataUrl}>Export or delete your data</a>
        </p>
        <p>
          INCI Atlas, <a href={publicUrl}>{publicUrl}</a>
        </p>
      </body>
    </html>
  );
}

export function issueHtml(issue: IssueContent, publicUrl: string, links: RecipientLinks): string {
  return `<!doctype html>${renderToString(<IssueDocument issue={issue} publicUrl={publicUrl} links={links} />)}`;
}

export interface IssueMailInput {
  issue: IssueContent;
  kind: string;
  to: string;
  publicUrl: string;
  mailFrom: string;
  links: RecipientLinks;
}

export function issueMail(input: IssueMailInput): MailMessage {
  const { issue, publicUrl, links } = input;
  return {
    kind: input.kind,
    to: input.to,
    subject: issue.subject,
    text: issueText(issue, publicUrl, links),
    html: issueHtml(issue, publicUrl, links),
    headers: issueListHeaders(links.unsubscribeUrl, input.mailFrom),
  };
}
