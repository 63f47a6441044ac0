import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { WebContext } from "../server/compose.js";
import { NO_STORE, sendPage } from "../web/http.js";
import { makePage } from "../web/page-cache.js";
import { currentSession } from "./guard.js";
import type { AdminView } from "./views.js";

/** The shared pieces of the admin area's route modules (this slice's and the later ones'). */
export const csrfField = z.string().max(200).optional();
export const idParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The signed-in editor and a fresh CSRF token for the page's forms. */
export function adminView(ctx: WebContext, request: FastifyRequest, reply: FastifyReply): AdminView {
  const session = currentSession(request);
  return {
    site: ctx.site,
    email: session.editor.email,
    role: session.editor.role,
    csrf: reply.generateCsrf(),
  };
}

/** Admin pages are per editor and per request: never stored by a browser or a proxy. */
export function sendAdminPage(request: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  return sendPage(request, reply, makePage(html), NO_STORE, status);
}
