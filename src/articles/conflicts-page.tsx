import { ActionButton, type AdminView, formatTime, Notice, renderAdminPage } from "../editors/views.js";
import type { PendingConflict } from "./conflicts-repository.js";
import { displayValue } from "./diff.js";
import { fieldLabel } from "./fields.js";

/** /admin/articles/conflicts: what a corpus upgrade changed in fields editors had published. */

export interface ConflictsView {
  view: AdminView;
  conflicts: Array<PendingConflict & { yours: unknown }>;
  notice: string | null;
}

function ConflictRow(props: { conflict: ConflictsView["conflicts"][number]; csrf: string }) {
  const { conflict: c, csrf } = props;
  const base = `/admin/articles/conflicts/${c.id}`;
  return (
    <tr id={`conflict-${c.id}`}>
      <td data-label="Article">
        <a href={`/admin/articles/${c.slug}/edit`}>{c.name}</a>
      </td>
      <td data-label="Field">{fieldLabel(c.field)}</td>
      <td data-label="Published (editor)">
        <span class="diff-value">{displayValue(c.field, c.yours)}</span>
      </td>
      <td data-label="Corpus version">
        <span class="diff-value">{displayValue(c.field, c.corpusValue)}</span>
      </td>
      <td data-label="Found">{formatTime(c.detectedAt)}</td>
      <td class="admin-actions">
        <ActionButton action={`${base}/keep`} csrf={csrf} label="Keep mine" />
        <ActionButton action={`${base}/take`} csrf={csrf} label="Take the corpus version" />
      </td>
    </tr>
  );
}

function ConflictsPage(props: { page: ConflictsView }) {
  const { page } = props;
  return (
    <>
      <p>
        A corpus upgrade never overwrites what an editor published. These fields changed in the bundled corpus
        after an editor changed them: keep the published version, or publish the corpus version as a new
        revision (the field then follows the corpus again).
      </p>
      {page.notice && <Notice kind="ok">{page.notice}</Notice>}
      {page.conflicts.length === 0 ? (
        <p id="no-conflicts">No conflict is waiting.</p>
      ) : (
        <div class="diff-scroll">
          <table class="admin-table" id="conflict-list">
            <caption>{page.conflicts.length} fields to decide</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Field</th>
                <th scope="col">Published (editor)</th>
                <th scope="col">Corpus version</th>
                <th scope="col">Found</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {page.conflicts.map((c) => (
                <ConflictRow key={c.id} conflict={c} csrf={page.view.csrf} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function renderConflictsPage(page: ConflictsView): string {
  return renderAdminPage(page.view, "Corpus conflicts", <ConflictsPage page={page} />);
}
