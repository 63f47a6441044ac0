import type { FastifyInstance } from "fastify";
import { articleRoutes } from "../articles/routes.js";
import { auditPageRoutes } from "../audit/pages.js";
import { feedbackInboxRoutes } from "../feedback/inbox-routes.js";
import { newsletterAdminRoutes } from "../newsletter/issue-routes.js";
import type { WebContext } from "../server/compose.js";
import { authRoutes, signOutRoutes } from "./auth-routes.js";
import { dashboardRoutes } from "./dashboard.js";
import { editorPageRoutes } from "./editor-routes.js";
import { type AdminArea, currentSession, registerAdminArea } from "./guard.js";
import { sessionPageRoutes } from "./session-pages.js";

/** Who is signed in, for the admin pages' scripts (the editor, live preview). */
const meRoutes: AdminArea = async (area) => {
  area.get("/admin/api/me", { config: { role: "editor" } }, async (request) => {
    const { editor, expiresAt } = currentSession(request);
    return { email: editor.email, role: editor.role, sessionExpiresAt: expiresAt };
  });
};

/**
 * Every part of the signed-in admin area. A later slice adds its module here (articles, feedback
 * inbox, newsletter): its routes then get the session and role check, CSRF on every post, and
 * no-store, and the access test covers them without being told.
 */
export const ADMIN_AREAS: readonly AdminArea[] = [
  dashboardRoutes,
  signOutRoutes,
  sessionPageRoutes,
  editorPageRoutes,
  auditPageRoutes,
  meRoutes,
  articleRoutes,
  feedbackInboxRoutes,
  newsletterAdminRoutes,
];

/** All of /admin: the two open pages (sign-in, set-password) and the guarded area. */
export async function adminRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  await app.register(async (admin) => {
    // Per editor, per request: never kept by a browser, a proxy or a search engine.
    admin.addHook("onSend", async (_request, reply, payload) => {
      reply.header("cache-control", "no-store").header("x-robots-tag", "noindex");
      return payload;
    });
    await authRoutes(admin, ctx);
    await registerAdminArea(admin, ctx, ADMIN_AREAS);
  });
}
