import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../audit/audit.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { adminView, csrfField, sendAdminPage } from "./admin-http.js";
import { clearSessionCookie } from "./cookie.js";
import { currentSession } from "./guard.js";
import { listSessions, revokeEditorSessions, revokeSession, type SessionRow } from "./sessions.js";
import { ActionButton, type AdminView, formatTime, renderAdminPage } from "./views.js";

const sessionParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/) });
const tokenBody = z.strictObject({ _csrf: csrfField });

function SessionsPage(props: { view: AdminView; sessions: SessionRow[]; current: string; all: boolean }) {
  const { view } = props;
  return (
    <>
      <p>
        {props.all ? "Every signed-in browser of every editor" : "The browsers where you are signed in"}. A
        session ends after 14 idle days; revoking one signs that browser out at once.
      </p>
      <table class="admin-table">
        <caption>{props.sessions.length} live sessions</caption>
        <thead>
          <tr>
            {props.all && <th scope="col">Editor</th>}
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">Expires</th>
            <th scope="col">Browser</th>
            <th scope="col">Address</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr key={s.id}>
              {props.all && <td data-label="Editor">{s.email}</td>}
              <td data-label="Signed in">{formatTime(s.createdAt)}</td>
              <td data-label="Last seen">{formatTime(s.lastSeenAt)}</td>
              <td data-label="Expires">{formatTime(s.expiresAt)}</td>
              <td data-label="Browser" class="admin-ua">
                {s.userAgent ?? "unknown"}
              </td>
              <td data-label="Address">{s.ip ?? ""}</td>
              <td>
                {s.id === props.current ? (
                  <strong>this browser</strong>
                ) : (
                  <ActionButton
                    action={`/admin/sessions/${s.id}/revoke`}
                    csrf={view.csrf}
                    label="Revoke"
                    danger
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Sign out everywhere</h2>
      <p>Ends all your sessions, this one included (for example after losing a laptop).</p>
      <ActionButton action="/admin/sessions/revoke-all" csrf={view.csrf} label="Sign out everywhere" danger />
    </>
  );
}

/** /admin/sessions: your own sessions (an admin sees everyone's); revoke one or all of yours. */
export async function sessionPageRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const config = { role: "editor" as const };

  api.get("/admin/sessions", { config }, async (request, reply) => {
    const session = currentSession(request);
    const all = session.editor.role === "admin";
    const sessions = await listSessions(db, new Date(), all ? undefined : session.editor.id);
    const view = adminView(ctx, request, reply);
    const page = <SessionsPage view={view} sessions={sessions} current={session.id} all={all} />;
    return sendAdminPage(request, reply, renderAdminPage(view, "Sessions", page));
  });

  api.post(
    "/admin/sessions/:id/revoke",
    { config, schema: { params: sessionParams, body: tokenBody } },
    async (request, reply) => {
      const session = currentSession(request);
      const now = new Date();
      // An editor may revoke only their own sessions; an admin anyone's. Someone else's looks absent.
      const owner = session.editor.role === "admin" ? undefined : session.editor.id;
      if (!(await revokeSession(db, request.params.id, now, owner))) {
        throw new AppError("not_found", "There is no such live session.");
      }
      const target = `session:${request.params.id.slice(0, 12)}`;
      await recordAudit(db, { actor: session.editor.email, action: "session.revoked", target }, now);
      return reply.redirect("/admin/sessions", 303);
    },
  );

  api.post("/admin/sessions/revoke-all", { config, schema: { body: tokenBody } }, async (request, reply) => {
    const session = currentSession(request);
    const now = new Date();
    const count = await revokeEditorSessions(db, session.editor.id, now);
    const entry = {
      actor: session.editor.email,
      action: "session.revoked_all",
      target: session.editor.email,
    };
    await recordAudit(db, { ...entry, detail: { count } }, now);
    clearSessionCookie(reply, ctx.config.publicUrl);
    return reply.redirect("/admin/sign-in", 303);
  });
}
