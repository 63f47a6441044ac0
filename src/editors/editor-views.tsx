import type { Editor } from "./accounts.js";
import { ROLES } from "./accounts.js";
import { LINK_HOURS } from "./links.js";
import { ActionButton, type AdminView, CsrfInput, formatTime, Notice, renderAdminPage } from "./views.js";

export interface Flash {
  error?: string;
  /** A set-password link, shown once: only its hash is stored. */
  link?: { email: string; url: string; expiresAt: Date };
}

function EditorRow(props: { editor: Editor; csrf: string; self: boolean }) {
  const { editor, csrf } = props;
  const base = `/admin/editors/${editor.id}`;
  const status = editor.disabledAt
    ? `disabled ${formatTime(editor.disabledAt)}`
    : editor.hasPassword
      ? "active"
      : "no password yet";
  return (
    <tr>
      <td data-label="E-mail">
        {editor.email}
        {props.self && " (you)"}
      </td>
      <td data-label="Role">
        <form method="post" action={`${base}/role`} class="admin-inline">
          <CsrfInput token={csrf} />
          <label class="visually-hidden" for={`role-${editor.id}`}>
            Role of {editor.email}
          </label>
          <select id={`role-${editor.id}`} name="role">
            {ROLES.map((role) => (
              <option key={role} value={role} selected={role === editor.role}>
                {role}
              </option>
            ))}
          </select>
          <button type="submit">Change</button>
        </form>
      </td>
      <td data-label="Status">{status}</td>
      <td data-label="Created">{formatTime(editor.createdAt)}</td>
      <td class="admin-actions">
        {editor.disabledAt ? (
          <ActionButton action={`${base}/enable`} csrf={csrf} label="Enable" />
        ) : (
          <>
            <ActionButton action={`${base}/disable`} csrf={csrf} label="Disable" danger />
            <ActionButton action={`${base}/link`} csrf={csrf} label="New set-password link" />
          </>
        )}
      </td>
    </tr>
  );
}

function EditorsPage(props: { view: AdminView; editors: Editor[]; flash: Flash }) {
  const { view, flash } = props;
  return (
    <>
      {flash.error && <Notice kind="error">{flash.error}</Notice>}
      {flash.link && (
        <div class="admin-notice admin-ok" role="status">
          <p>
            Send this one-time link to {flash.link.email} (it is shown only now, and works for {LINK_HOURS}{" "}
            hours, until {formatTime(flash.link.expiresAt.toISOString())}):
          </p>
          <p>
            <code class="admin-link">{flash.link.url}</code>
          </p>
        </div>
      )}
      <table class="admin-table">
        <caption>{props.editors.length} editor accounts</caption>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.editors.map((editor) => (
            <EditorRow key={editor.id} editor={editor} csrf={view.csrf} self={editor.email === view.email} />
          ))}
        </tbody>
      </table>
      <h2>Add an editor</h2>
      <form method="post" action="/admin/editors" class="admin-form">
        <CsrfInput token={view.csrf} />
        <label for="new-email">E-mail address</label>
        <input id="new-email" name="email" type="email" required maxLength={254} autocomplete="off" />
        <label for="new-role">Role</label>
        <select id="new-role" name="role">
          <option value="editor">editor: edits articles, reads feedback</option>
          <option value="admin">admin: also manages editors and reads the audit log</option>
        </select>
        <button type="submit">Create and show the set-password link</button>
      </form>
    </>
  );
}

export function renderEditorsPage(view: AdminView, editors: Editor[], flash: Flash): string {
  return renderAdminPage(view, "Editors", <EditorsPage view={view} editors={editors} flash={flash} />);
}
