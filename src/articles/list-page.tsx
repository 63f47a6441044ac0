import { type AdminView, formatTime, renderAdminPage } from "../editors/views.js";
import type { Ingredient } from "../ingredients/types.js";

/** /admin/articles: find an ingredient (with or without an article) and open its editor. */

export interface ArticleListView {
  view: AdminView;
  q: string;
  article: "any" | "with" | "without";
  page: number;
  total: number;
  perPage: number;
  items: readonly Ingredient[];
  drafts: Array<{ slug: string; name: string; baseRevision: number; updatedAt: string }>;
  conflicts: number;
}

function kindOf(i: Ingredient): string {
  if (i.hasArticle) return "full article";
  return i.source === "cosing" ? "imported facts only" : "facts only";
}

function pageUrl(list: ArticleListView, page: number): string {
  const params = new URLSearchParams();
  if (list.q) params.set("q", list.q);
  if (list.article !== "any") params.set("article", list.article);
  params.set("page", String(page));
  return `/admin/articles?${params}`;
}

function SearchForm(props: { list: ArticleListView }) {
  const { list } = props;
  return (
    <form method="get" action="/admin/articles" class="admin-filter">
      <label for="articles-q">Ingredient (name, INCI name or slug)</label>
      <input id="articles-q" name="q" type="search" maxLength={200} value={list.q} />
      <label for="articles-kind">Article</label>
      <select id="articles-kind" name="article">
        <option value="any" selected={list.article === "any"}>
          with or without
        </option>
        <option value="with" selected={list.article === "with"}>
          with an article
        </option>
        <option value="without" selected={list.article === "without"}>
          without an article
        </option>
      </select>
      <button type="submit">Search</button>
    </form>
  );
}

function ArticleList(props: { list: ArticleListView }) {
  const { list } = props;
  const last = Math.max(1, Math.ceil(list.total / list.perPage));
  return (
    <>
      {list.conflicts > 0 && (
        <p class="admin-notice admin-error">
          <a href="/admin/articles/conflicts">
            {list.conflicts} field(s) changed by a corpus upgrade wait for an editor's decision.
          </a>
        </p>
      )}
      {list.drafts.length > 0 && (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">Your drafts</h2>
          <ul id="draft-list">
            {list.drafts.map((d) => (
              <li key={d.slug}>
                <a href={`/admin/articles/${d.slug}/edit`}>{d.name}</a> (saved {formatTime(d.updatedAt)}, from
                revision {d.baseRevision})
              </li>
            ))}
          </ul>
        </section>
      )}
      <SearchForm list={list} />
      <table class="admin-table" id="article-list">
        <caption>
          {list.total} ingredients, page {list.page} of {last}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">INCI name</th>
            <th scope="col">Article</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((i) => (
            <tr key={i.id}>
              <td data-label="Name">{i.name}</td>
              <td data-label="INCI name">{i.inci}</td>
              <td data-label="Article">{kindOf(i)}</td>
              <td class="admin-actions">
                <a href={`/admin/articles/${i.slug}/edit`}>{i.hasArticle ? "Edit" : "Write an article"}</a>{" "}
                <a href={`/admin/articles/${i.slug}/revisions`}>Revisions</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="admin-pager" aria-label="Pages of ingredients">
        {list.page > 1 && <a href={pageUrl(list, list.page - 1)}>Previous</a>}
        {list.page < last && <a href={pageUrl(list, list.page + 1)}>Next</a>}
      </nav>
    </>
  );
}

export function renderArticleList(list: ArticleListView): string {
  return renderAdminPage(list.view, "Articles", <ArticleList list={list} />);
}
