import { type AdminView, Notice, renderAdminPage } from "../editors/views.js";
import type { Paged } from "./inbox.js";
import { FeedbackEntry, type HandleValues } from "./inbox-entry.js";
import type { FeedbackItem } from "./repository.js";

/** The inbox's filter as the query string carries it ("" or absent: any). */
export interface InboxFilterQuery {
  article?: string | undefined;
  helpful?: "" | "yes" | "no" | undefined;
  handled?: "" | "yes" | "no" | undefined;
  page?: number | undefined;
}

export function inboxUrl(filter: InboxFilterQuery, page = filter.page ?? 1): string {
  const params = new URLSearchParams();
  if (filter.article) params.set("article", filter.article);
  if (filter.helpful) params.set("helpful", filter.helpful);
  if (filter.handled) params.set("handled", filter.handled);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/feedback?${query}` : "/admin/feedback";
}

function choices(
  id: string,
  name: string,
  label: string,
  value: string | undefined,
  yes: string,
  no: string,
) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">any</option>
        <option value="yes" selected={value === "yes"}>
          {yes}
        </option>
        <option value="no" selected={value === "no"}>
          {no}
        </option>
      </select>
    </>
  );
}

function FilterForm(props: { filter: InboxFilterQuery }) {
  const { filter } = props;
  return (
    <form method="get" action="/admin/feedback" class="admin-filter">
      <label for="inbox-article">Article (slug)</label>
      <input id="inbox-article" name="article" type="text" maxLength={200} value={filter.article ?? ""} />
      {choices("inbox-helpful", "helpful", "Helpful", filter.helpful, "yes", "no")}
      {choices("inbox-handled", "handled", "Handled", filter.handled, "handled", "not handled")}
      <button type="submit">Filter</button>
    </form>
  );
}

/** /admin/feedback: the filter, one page of feedback (newest first), and the pager. */
export function renderInboxPage(
  view: AdminView,
  result: Paged<FeedbackItem>,
  filter: InboxFilterQuery,
): string {
  const last = Math.max(1, Math.ceil(result.total / result.perPage));
  const back = inboxUrl(filter, result.page);
  const body = (
    <>
      <p>
        <a href="/admin/feedback/articles">Helpful ratio per article</a>
      </p>
      <FilterForm filter={filter} />
      <p class="admin-hint" id="inbox-count">
        {result.total} feedback, page {result.page} of {last}
      </p>
      {result.items.length === 0 && <p>No feedback matches.</p>}
      <div class="feedback-list">
        {result.items.map((item) => (
          <FeedbackEntry key={item.id} item={item} csrf={view.csrf} back={back} />
        ))}
      </div>
      <nav class="admin-pager" aria-label="Feedback pages">
        {result.page > 1 && <a href={inboxUrl(filter, result.page - 1)}>Newer</a>}
        {result.page < last && <a href={inboxUrl(filter, result.page + 1)}>Older</a>}
      </nav>
    </>
  );
  return renderAdminPage(view, "Feedback inbox", body);
}

/** /admin/feedback/<id>: one feedback, and its form shown again with what was refused. */
export function renderFeedbackPage(
  view: AdminView,
  item: FeedbackItem,
  error?: { message: string; values: HandleValues; back: string },
): string {
  const body = (
    <>
      <p>
        <a href={error?.back ?? "/admin/feedback"}>Back to the inbox</a>
      </p>
      {error && <Notice kind="error">{error.message}</Notice>}
      <FeedbackEntry
        item={item}
        csrf={view.csrf}
        back={error?.back ?? "/admin/feedback"}
        values={error?.values}
      />
    </>
  );
  return renderAdminPage(view, `Feedback ${item.id}`, body);
}
