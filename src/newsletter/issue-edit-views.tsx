import type { AdminView } from "../editors/views.js";
import { ActionButton, CsrfInput, formatTime, renderAdminPage } from "../editors/views.js";
import { MAX_INTRO, MAX_SUBJECT } from "./issue-compose.js";
import { IssueBody } from "./issue-mail.js";
import type { Issue } from "./issue-repository.js";
import { type IssueFlash, IssueNotice } from "./issue-views.js";

/** The draft's page: edit subject, intro and articles; preview; test; send (admins). */

function ArticleChoices(props: { issue: Issue }) {
  const { articles } = props.issue;
  return (
    <fieldset class="issue-articles-edit">
      <legend>Articles ({articles.length})</legend>
      {articles.length === 0 && <p class="admin-hint">No article yet: add some by slug below.</p>}
      <ul>
        {articles.map((a, i) => (
          <li key={a.slug}>
            <input
              id={`issue-keep-${i}`}
              class="issue-keep"
              type="checkbox"
              name="keep"
              value={a.slug}
              checked
            />
            <label for={`issue-keep-${i}`}>
              <strong>{a.name}</strong> ({a.kind}, {formatTime(a.publishedAt)})
              {a.note && a.kind !== "new" ? `: ${a.note}` : ""}
            </label>
          </li>
        ))}
      </ul>
      <label for="issue-add">Add articles by slug (e.g. niacinamide, glycerin)</label>
      <input id="issue-add" name="add" type="text" maxLength={2000} autocomplete="off" spellcheck={false} />
    </fieldset>
  );
}

function EditForm(props: { view: AdminView; issue: Issue }) {
  const { view, issue } = props;
  return (
    <form
      id="issue-edit"
      method="post"
      action={`/admin/newsletter/${issue.id}`}
      class="admin-form issue-form"
    >
      <CsrfInput token={view.csrf} />
      <label for="issue-subject">Subject</label>
      <input
        id="issue-subject"
        name="subject"
        type="text"
        required
        maxLength={MAX_SUBJECT}
        value={issue.subject}
      />
      <label for="issue-intro">Intro (Markdown)</label>
      <textarea id="issue-intro" name="intro" rows={8} maxLength={MAX_INTRO}>
        {issue.intro}
      </textarea>
      <ArticleChoices issue={issue} />
      <button id="issue-save" type="submit">
        Save the draft
      </button>
    </form>
  );
}

function SendForm(props: { view: AdminView; issue: Issue; subscribers: number }) {
  const { view, issue } = props;
  if (view.role !== "admin") {
    return <p class="admin-hint">An admin sends the issue to every confirmed subscriber.</p>;
  }
  return (
    <form id="issue-send" method="post" action={`/admin/newsletter/${issue.id}/send`} class="admin-form">
      <CsrfInput token={view.csrf} />
      <p>
        <input id="issue-send-confirm" type="checkbox" name="confirm" value="yes" required />
        <label for="issue-send-confirm">
          I have checked the preview: send this issue to all {props.subscribers} confirmed subscribers now.
        </label>
      </p>
      <button type="submit" class="danger">
        Send to all subscribers
      </button>
    </form>
  );
}

export function renderDraftPage(
  view: AdminView,
  issue: Issue,
  subscribers: number,
  flash: IssueFlash,
): string {
  const base = `/admin/newsletter/${issue.id}`;
  return renderAdminPage(
    view,
    `Issue ${issue.id} (draft)`,
    <>
      <IssueNotice flash={flash} />
      <p>
        <a href="/admin/newsletter">All issues</a> ·{" "}
        <a id="issue-preview" href={`${base}/preview`}>
          Preview (HTML and plain text)
        </a>
      </p>
      <EditForm view={view} issue={issue} />
      <h2>Test and send</h2>
      <ActionButton action={`${base}/test`} csrf={view.csrf} label={`Send a test to me (${view.email})`} />
      <SendForm view={view} issue={issue} subscribers={subscribers} />
      <ActionButton action={`${base}/discard`} csrf={view.csrf} label="Discard this draft" danger />
    </>,
  );
}

/** The mail as subscribers will see it: HTML rendering, then the plain-text part. */
export function renderPreviewPage(view: AdminView, issue: Issue, publicUrl: string, text: string): string {
  const base = `/admin/newsletter/${issue.id}`;
  return renderAdminPage(
    view,
    `Preview of issue ${issue.id}`,
    <>
      <p>
        <a href={base}>Back to the issue</a> · <a href={`${base}/preview.html`}>The HTML part alone</a> ·{" "}
        <a href={`${base}/preview.txt`}>The plain-text part alone</a>
      </p>
      <section class="issue-preview" aria-labelledby="preview-html">
        <h2 id="preview-html">As HTML</h2>
        <div class="issue-preview-frame">
          <p class="issue-preview-subject">
            Subject: <strong>{issue.subject}</strong>
          </p>
          <IssueBody issue={issue} publicUrl={publicUrl} />
        </div>
      </section>
      <section class="issue-preview" aria-labelledby="preview-text">
        <h2 id="preview-text">As plain text</h2>
        <pre id="issue-preview-text" class="issue-preview-text">
          {text}
        </pre>
      </section>
    </>,
  );
}
