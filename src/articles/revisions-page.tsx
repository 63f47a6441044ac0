import { ActionButton, type AdminView, formatTime, Notice, renderAdminPage } from "../editors/views.js";
import type { FieldChange } from "./diff.js";
import { ChangeList } from "./diff-view.js";
import type { RevisionEntry } from "./repository.js";

/** /admin/articles/:slug/revisions: the history, a side-by-side diff of any two, restore. */

export interface RevisionsPageView {
  view: AdminView;
  slug: string;
  name: string;
  revisions: RevisionEntry[];
  compare: { from: number; to: number; changes: FieldChange[] } | null;
  notice: { kind: "ok" | "error"; text: string } | null;
}

function RevisionPicker(props: {
  id: string;
  name: string;
  label: string;
  revisions: RevisionEntry[];
  selected: number;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.revisions.map((r) => (
          <option key={r.number} value={String(r.number)} selected={r.number === props.selected}>
            Revision {r.number}
          </option>
        ))}
      </select>
    </>
  );
}

function CompareForm(props: { page: RevisionsPageView }) {
  const { page } = props;
  const latest = page.revisions[0]?.number ?? 1;
  const from = page.compare?.from ?? Math.max(1, latest - 1);
  const to = page.compare?.to ?? latest;
  return (
    <form
      method="get"
      action={`/admin/articles/${page.slug}/revisions`}
      class="admin-filter"
      id="compare-form"
    >
      <RevisionPicker
        id="compare-from"
        name="from"
        label="Compare"
        revisions={page.revisions}
        selected={from}
      />
      <RevisionPicker id="compare-to" name="to" label="with" revisions={page.revisions} selected={to} />
      <button type="submit">Show differences</button>
    </form>
  );
}

function RevisionTable(props: { page: RevisionsPageView }) {
  const { page } = props;
  const latest = page.revisions[0]?.number ?? 0;
  return (
    <table class="admin-table" id="revision-list">
      <caption>{page.revisions.length} revisions, newest first; the newest is the published one</caption>
      <thead>
        <tr>
          <th scope="col">Revision</th>
          <th scope="col">Date</th>
          <th scope="col">Author</th>
          <th scope="col">Note</th>
          <th scope="col">Correction</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {page.revisions.map((r) => (
          <tr key={r.number} id={`revision-${r.number}`}>
            <td data-label="Revision">
              {r.number}
              {r.number === latest && " (published)"}
              {!r.hasArticle && " (facts only)"}
            </td>
            <td data-label="Date">{formatTime(r.createdAt)}</td>
            <td data-label="Author">{r.author}</td>
            <td data-label="Note">{r.note}</td>
            <td data-label="Correction">{r.isCorrection ? "correction" : ""}</td>
            <td class="admin-actions">
              {r.number > 1 && (
                <a href={`/admin/articles/${page.slug}/revisions?from=${r.number - 1}&to=${r.number}`}>
                  Changes
                </a>
              )}{" "}
              {r.number !== latest && (
                <ActionButton
                  action={`/admin/articles/${page.slug}/revisions/${r.number}/restore`}
                  csrf={page.view.csrf}
                  label={`Restore revision ${r.number}`}
                  fields={{ base: String(latest) }}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevisionsPage(props: { page: RevisionsPageView }) {
  const { page } = props;
  return (
    <>
      <p class="editor-links">
        <a href={`/admin/articles/${page.slug}/edit`}>Edit</a>
        <a href={`/ingredients/${page.slug}`}>Public page</a>
        <a href="/admin/articles">All articles</a>
      </p>
      {page.notice && <Notice kind={page.notice.kind}>{page.notice.text}</Notice>}
      {page.revisions.length === 0 ? (
        <p>No revision yet: this ingredient has only imported facts.</p>
      ) : (
        <>
          <CompareForm page={page} />
          {page.compare && (
            <section aria-labelledby="compare-title" id="revision-diff">
              <h2 id="compare-title">
                Revision {page.compare.from} compared with revision {page.compare.to}
              </h2>
              <ChangeList
                changes={page.compare.changes}
                from={`Revision ${page.compare.from}`}
                to={`Revision ${page.compare.to}`}
              />
            </section>
          )}
          <RevisionTable page={page} />
        </>
      )}
    </>
  );
}

export function renderRevisionsPage(page: RevisionsPageView): string {
  return renderAdminPage(page.view, `Revisions: ${page.name}`, <RevisionsPage page={page} />);
}
