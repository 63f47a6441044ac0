import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import type { WebContext } from "../server/compose.js";
import { adminView, sendAdminPage } from "./admin-http.js";
import { currentSession } from "./guard.js";
import { renderAdminPage } from "./views.js";

/** The areas of the workspace; each shows as a link once its routes exist. */
const AREAS = [
  { url: "/admin/articles", title: "Articles", text: "Edit entries, publish revisions, review history." },
  {
    url: "/admin/feedback",
    title: "Feedback inbox",
    text: "Readers' feedback, by article; mark it handled.",
  },
  { url: "/admin/newsletter", title: "Newsletter", text: "Compose, preview and send the weekly issue." },
  { url: "/admin/sessions", title: "Sessions", text: "Where you are signed in; revoke a session." },
  { url: "/admin/editors", title: "Editors", text: "Accounts and roles (admins).", admin: true },
  { url: "/admin/audit", title: "Audit log", text: "Who changed what, and when (admins).", admin: true },
];

async function count(query: Promise<{ n: string | number | bigint } | undefined>): Promise<number> {
  return Number((await query)?.n ?? 0);
}

/** Counts that each cost one indexed or small-table query. */
async function dashboardCounts(db: Kysely<DB>) {
  const [revisions, unhandled, subscribers, editors] = await Promise.all([
    count(
      db
        .selectFrom("revisions")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom("feedback")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("handled_at", "is", null)
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom("subscribers")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("status", "=", "confirmed")
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom("editors")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("disabled_at", "is", null)
        .executeTakeFirst(),
    ),
  ]);
  return { revisions, unhandled, subscribers, editors };
}

/** /admin: where to go, and a few numbers. */
export async function dashboardRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  area.get("/admin", { config: { role: "editor" } }, async (request, reply) => {
    const admin = currentSession(request).editor.role === "admin";
    const counts = await dashboardCounts(ctx.database.db);
    const view = adminView(ctx, request, reply);
    const areas = AREAS.filter((a) => admin || !a.admin);
    const body = (
      <>
        <dl class="admin-counts">
          <dt>Ingredients</dt>
          <dd>{ctx.dictionary.ingredients.length}</dd>
          <dt>Published revisions</dt>
          <dd>{counts.revisions}</dd>
          <dt>Unhandled feedback</dt>
          <dd>
            <a href="/admin/feedback?handled=no" id="dashboard-unhandled">
              {counts.unhandled}
            </a>
          </dd>
          <dt>Confirmed subscribers</dt>
          <dd>{counts.subscribers}</dd>
          <dt>Active editors</dt>
          <dd>{counts.editors}</dd>
        </dl>
        <ul class="admin-areas">
          {areas.map((a) => (
            <li key={a.url}>
              {area.hasRoute({ method: "GET", url: a.url }) ? (
                <a href={a.url}>{a.title}</a>
              ) : (
                <span>{a.title} (not available yet)</span>
              )}
              : {a.text}
            </li>
          ))}
        </ul>
      </>
    );
    return sendAdminPage(request, reply, renderAdminPage(view, "Editors' workspace", body));
  });
}
