import { Fragment } from "preact";
import type { AdminView } from "../editors/views.js";
import { ActionButton, CsrfInput, formatTime, Notice, renderAdminPage } from "../editors/views.js";
import type { Issue } from "./issue-repository.js";
import type { LeaseHolder } from "./send-lock.js";
import { RECIPIENT_STATES } from "./send-repository.js";
import type { SendReport } from "./send-service.js";

/** The newsletter's admin pages: the list of issues, and an issue's send with its uncertain recipients. */

export type IssueFlash = { done?: string | undefined; error?: string | undefined };

const DONE: Record<string, string> = {
  saved: "The draft is saved.",
  test: "A test mail is queued for your address: it leaves with the outbox's next pass.",
  sending: "The send has started: reload this page to follow it.",
  resent: "The recipient is queued again and the send resumes.",
  skipped: "The recipient is settled as not sent.",
  resumed: "The send resumes.",
};

export function IssueNotice(props: { flash: IssueFlash }) {
  const { done, error } = props.flash;
  if (error) return <Notice kind="error">{error}</Notice>;
  const text = done ? DONE[done] : undefined;
  return text ? <Notice kind="ok">{text}</Notice> : null;
}

export function renderIssueList(view: AdminView, issues: Issue[], subscribers: number): string {
  return renderAdminPage(
    view,
    "Newsletter",
    <>
      <p>
        {subscribers} confirmed subscribers. A new issue lists the articles published since the last send;
        edit it, preview it, send yourself a test, then an admin sends it.
      </p>
      <form id="issue-new" method="post" action="/admin/newsletter" class="admin-form">
        <CsrfInput token={view.csrf} />
        <button type="submit">Compose a new issue</button>
      </form>
      <table class="admin-table" id="issue-list">
        <caption>{issues.length} issues, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.id}>
              <td data-label="Issue">
                <a href={`/admin/newsletter/${issue.id}`}>{issue.id}</a>
              </td>
              <td data-label="Subject">{issue.subject}</td>
              <td data-label="Status">{issue.status}</td>
              <td data-label="Created">
                {formatTime(issue.createdAt)} by {issue.createdBy}
              </td>
              <td data-label="Sent">{formatTime(issue.sentAt ?? issue.sendStartedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  );
}

function UncertainTable(props: { view: AdminView; report: SendReport }) {
  const { view, report } = props;
  if (report.uncertain.length === 0) return null;
  const admin = view.role === "admin";
  return (
    <table class="admin-table" id="issue-uncertain">
      <caption>
        Uncertain: the sender stopped during these mails, which may or may not have arrived. Resend or skip
        each (never done automatically).
      </caption>
      <thead>
        <tr>
          <th scope="col">Recipient</th>
          <th scope="col">Marked at</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {report.uncertain.map((r) => (
          <tr key={r.id}>
            <td data-label="Recipient">{r.email ?? "(deleted subscriber)"}</td>
            <td data-label="Marked at">{formatTime(r.markedAt)}</td>
            <td class="admin-actions">
              {admin ? (
                <>
                  <ActionButton
                    action={`/admin/newsletter/${report.issueId}/recipients/${r.id}/resend`}
                    csrf={view.csrf}
                    label="Resend"
                  />
                  <ActionButton
                    action={`/admin/newsletter/${report.issueId}/recipients/${r.id}/skip`}
                    csrf={view.csrf}
                    label="Skip"
                  />
                </>
              ) : (
                "an admin decides"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Permanent refusals (5xx) and temporary ones that never cleared: not retried, shown with the server's reply. */
function FailedList(props: { report: SendReport }) {
  const { failed } = props.report;
  if (failed.length === 0) return null;
  return (
    <>
      <h2>Not delivered</h2>
      <ul id="issue-failed">
        {failed.map((r) => (
          <li key={r.id}>
            {r.email ?? "(deleted subscriber)"}: {r.lastError}
          </li>
        ))}
      </ul>
    </>
  );
}

export interface ProgressProps {
  view: AdminView;
  issue: Issue;
  report: SendReport;
  holder: LeaseHolder | null;
  flash: IssueFlash;
}

function ProgressBody(props: ProgressProps) {
  const { view, issue, report, holder } = props;
  const open = report.counts.pending + report.counts.retry;
  return (
    <>
      <IssueNotice flash={props.flash} />
      <p>
        <a href="/admin/newsletter">All issues</a> ·{" "}
        <a href={`/admin/newsletter/${issue.id}/preview`}>Preview</a> ·{" "}
        <a href={`/admin/newsletter/${issue.id}`}>Refresh</a>
      </p>
      <p>
        Subject: <strong>{issue.subject}</strong>. Send started {formatTime(issue.sendStartedAt)} by{" "}
        {issue.sendStartedBy}
        {issue.sentAt ? `; finished ${formatTime(issue.sentAt)}` : ""}.
      </p>
      <p id="issue-sender">
        {holder
          ? `Sending now (${holder.sender}).`
          : open > 0
            ? "No sender is running."
            : "No sender is running: the send is complete."}
      </p>
      <h2>Recipients by state</h2>
      <dl class="admin-counts" id="issue-progress">
        {RECIPIENT_STATES.map((state) => (
          <Fragment key={state}>
            <dt>{state}</dt>
            <dd>{report.counts[state]}</dd>
          </Fragment>
        ))}
      </dl>
      {!holder && open > 0 && view.role === "admin" && (
        <ActionButton
          action={`/admin/newsletter/${issue.id}/send`}
          csrf={view.csrf}
          label="Resume sending"
          fields={{ confirm: "yes" }}
        />
      )}
      <UncertainTable view={view} report={report} />
      <FailedList report={report} />
    </>
  );
}

export function renderProgressPage(props: ProgressProps): string {
  return renderAdminPage(
    props.view,
    `Issue ${props.issue.id} (${props.issue.status})`,
    <ProgressBody {...props} />,
  );
}
