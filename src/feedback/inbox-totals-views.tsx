import { type AdminView, renderAdminPage } from "../editors/views.js";
import type { Paged } from "./inbox.js";
import { inboxUrl } from "./inbox-views.js";
import type { ArticleFeedbackTotals, TotalsOrder } from "./repository.js";

export const TOTALS_ORDERS: ReadonlyArray<{ order: TotalsOrder; label: string }> = [
  { order: "least-helpful", label: "least helpful first" },
  { order: "most-feedback", label: "most feedback first" },
  { order: "article", label: "article" },
];

function totalsUrl(order: TotalsOrder, page: number): string {
  return `/admin/feedback/articles?sort=${order}${page > 1 ? `&page=${page}` : ""}`;
}

/** "40%": the share of readers who found the article helpful, whole percent. */
export function helpfulPercent(row: { helpful: number; total: number }): string {
  return row.total === 0 ? "" : `${Math.round((row.helpful / row.total) * 100)}%`;
}

function Row(props: { row: ArticleFeedbackTotals }) {
  const { row } = props;
  return (
    <tr id={`article-feedback-${row.slug}`}>
      <th scope="row" data-label="Article">
        <a href={`/ingredients/${row.slug}`}>{row.name}</a>
      </th>
      <td data-label="Helpful" class="feedback-ratio">
        {helpfulPercent(row)} ({row.helpful} of {row.total})
      </td>
      <td data-label="Feedback">{row.total}</td>
      <td data-label="Not handled">{row.unhandled}</td>
      <td data-label="Inbox">
        <a href={inboxUrl({ article: row.slug })}>all</a>
        {" · "}
        <a href={inboxUrl({ article: row.slug, helpful: "no" })}>not helpful</a>
        {" · "}
        <a href={inboxUrl({ article: row.slug, handled: "no" })}>not handled</a>
      </td>
    </tr>
  );
}

/** /admin/feedback/articles: the helpful ratio per article with feedback, sortable. */
export function renderTotalsPage(view: AdminView, result: Paged<ArticleFeedbackTotals>, order: TotalsOrder) {
  const last = Math.max(1, Math.ceil(result.total / result.perPage));
  const body = (
    <>
      <p>
        <a href="/admin/feedback">Back to the inbox</a>
      </p>
      <nav class="feedback-sort" aria-label="Sort">
        Sort by:{" "}
        {TOTALS_ORDERS.map((o) => (
          <a key={o.order} href={totalsUrl(o.order, 1)} aria-current={o.order === order ? "true" : undefined}>
            {o.label}
          </a>
        ))}
      </nav>
      <table class="admin-table feedback-totals">
        <caption>
          {result.total} {result.total === 1 ? "article" : "articles"} with feedback, page {result.page} of{" "}
          {last}
        </caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Helpful</th>
            <th scope="col">Feedback</th>
            <th scope="col">Not handled</th>
            <th scope="col">Inbox</th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((row) => (
            <Row key={row.slug} row={row} />
          ))}
        </tbody>
      </table>
      <nav class="admin-pager" aria-label="Article pages">
        {result.page > 1 && <a href={totalsUrl(order, result.page - 1)}>Previous</a>}
        {result.page < last && <a href={totalsUrl(order, result.page + 1)}>Next</a>}
      </nav>
    </>
  );
  return renderAdminPage(view, "Feedback per article", body);
}
