import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  RouteOptions,
} from "fastify";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import type { Role } from "./accounts.js";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "./cookie.js";
import { type ActiveSession, findSession } from "./sessions.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Who may use an admin route: "editor" (any signed-in editor or admin) or "admin" only. */
    role?: Role;
  }
  interface FastifyRequest {
    /** Set by the admin guard on every route of the admin area. */
    adminSession: ActiveSession | null;
  }
}

/** A part of the admin area: registers its routes, each with `config: { role }`. */
export type AdminArea = (area: FastifyInstance, ctx: WebContext) => Promise<void>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isAdminApi(url: string): boolean {
  return url.startsWith("/admin/api/");
}

/** The signed-in editor of a request in the admin area (the guard guarantees there is one). */
export function currentSession(request: FastifyRequest): ActiveSession {
  if (!request.adminSession) throw new AppError("unauthorized", "Sign in first.");
  return request.adminSession;
}

/** Refuse at start-up a route that would be reachable without its access rule. */
function checkRoute(route: RouteOptions): void {
  const where = `${String(route.method)} ${route.url}`;
  if (route.url !== "/admin" && !route.url.startsWith("/admin/")) {
    throw new Error(`The admin area holds only /admin routes, not ${where}`);
  }
  const role = route.config?.role;
  if (role !== "admin" && role !== "editor") {
    throw new Error(`Admin route ${where} declares no role: add config: { role: "admin" } or "editor"`);
  }
}

function refuse(request: FastifyRequest, reply: FastifyReply, code: "unauthorized" | "forbidden") {
  const message = code === "unauthorized" ? "Sign in first." : "Your role does not allow this.";
  if (isAdminApi(request.url)) {
    return reply.code(code === "unauthorized" ? 401 : 403).send({ error: { code, message } });
  }
  if (code === "forbidden") throw new AppError("forbidden", "Only an admin can open this page.");
  const next = SAFE_METHODS.has(request.method) ? `?next=${encodeURIComponent(request.url)}` : "";
  return reply.redirect(`/admin/sign-in${next}`, 303);
}

/**
 * Runs first on every request of the area (onRequest: before the body is even parsed, so an
 * anonymous post is refused unread): a live session, then the route's role.
 */
function guard(ctx: WebContext): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(ctx.database.db, token, new Date()) : null;
    if (!session) {
      if (token) clearSessionCookie(reply, ctx.config.publicUrl);
      return refuse(request, reply, "unauthorized");
    }
    if (session.renewed) {
      setSessionCookie(reply, ctx.config.publicUrl, token as string, new Date(session.expiresAt));
    }
    const role = request.routeOptions.config.role;
    if (role !== "editor" && !(role === "admin" && session.editor.role === "admin")) {
      return refuse(request, reply, "forbidden");
    }
    request.adminSession = session;
  };
}

/**
 * The admin area: one encapsulated plugin whose every route requires a session and its declared
 * role, and whose every unsafe method requires a CSRF token (in preValidation, once the form body
 * is parsed). A route without a role makes start-up fail.
 */
export async function registerAdminArea(
  app: FastifyInstance,
  ctx: WebContext,
  areas: readonly AdminArea[],
): Promise<void> {
  await app.register(async (area) => {
    area.decorateRequest("adminSession", null);
    area.addHook("onRoute", checkRoute);
    area.addHook("onRequest", guard(ctx));
    area.addHook("preValidation", (request, reply, done) => {
      if (SAFE_METHODS.has(request.method)) return done();
      area.csrfProtection(request, reply, done);
    });
    for (const register of areas) await register(area, ctx);
  });
}
