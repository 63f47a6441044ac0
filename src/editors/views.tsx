import type { ComponentChildren } from "preact";
import { Layout, type Site } from "../web/layout.js";
import { renderDocument } from "../web/render.js";

/** What every admin page shows of the signed-in editor, and the CSRF token of its forms. */
export interface AdminView {
  site: Site;
  email: string;
  role: string;
  /** From reply.generateCsrf(): admin pages are never cached, so the token goes in the page. */
  csrf: string;
}

export function CsrfInput(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A one-button form (POST), for actions such as revoke or disable. */
export function ActionButton(props: {
  action: string;
  csrf: string;
  label: string;
  fields?: Record<string, string>;
  danger?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="admin-inline">
      <CsrfInput token={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.danger ? "danger" : undefined}>
        {props.label}
      </button>
    </form>
  );
}

export function Notice(props: { kind: "error" | "ok"; children: ComponentChildren }) {
  return (
    <p class={`admin-notice admin-${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </p>
  );
}

const NOINDEX = <meta name="robots" content="noindex" />;

/** A page outside the signed-in area (sign-in, set-password): the site's layout, not indexed. */
export function renderPublicAdminPage(site: Site, title: string, body: ComponentChildren): string {
  return renderDocument(
    <Layout site={site} title={`${title} | INCI Atlas`} head={NOINDEX}>
      <div class="admin-narrow">{body}</div>
    </Layout>,
  );
}

/** A signed-in page: the admin navigation (admin-only parts for admins), then the content. */
export function renderAdminPage(view: AdminView, title: string, body: ComponentChildren): string {
  const admin = view.role === "admin";
  return renderDocument(
    <Layout site={view.site} title={`${title} | INCI Atlas admin`} head={NOINDEX}>
      <nav class="admin-nav" aria-label="Admin">
        <a href="/admin">Dashboard</a>
        <a href="/admin/articles">Articles</a>
        <a href="/admin/feedback">Feedback</a>
        <a href="/admin/newsletter">Newsletter</a>
        {admin && <a href="/admin/editors">Editors</a>}
        <a href="/admin/sessions">Sessions</a>
        {admin && <a href="/admin/audit">Audit log</a>}
        <span class="admin-who">
          {view.email} ({view.role})
        </span>
        <ActionButton action="/admin/sign-out" csrf={view.csrf} label="Sign out" />
      </nav>
      <div class="admin-page">
        <h1>{title}</h1>
        {body}
      </div>
    </Layout>,
  );
}

/** Dates as people read them, in UTC (the server does not know the editor's zone). */
export function formatTime(iso: string | null): string {
  if (!iso) return "";
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
