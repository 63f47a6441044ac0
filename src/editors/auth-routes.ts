import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../audit/audit.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { NO_STORE, sendPage } from "../web/http.js";
import { makePage } from "../web/page-cache.js";
import { renderSetPassword, renderSignIn } from "./auth-views.js";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "./cookie.js";
import { currentSession } from "./guard.js";
import { checkSetPasswordLink, setPasswordWithLink } from "./links.js";
import { findSession, revokeSession } from "./sessions.js";
import { AccountLockedError, signIn, startSession } from "./sign-in.js";

/** Per client address, on top of the per-address lock: slows a spray across many e-mails. */
const SIGN_IN_LIMIT = { max: 10, timeWindow: "1 minute" };
const csrfField = z.string().max(200).optional();
const next = z.string().max(500).optional();
const signInBody = z.strictObject({
  email: z.string().max(1000),
  password: z.string().max(1000),
  next,
  _csrf: csrfField,
});
const tokenField = z.string().min(1).max(200);
const setPasswordBody = z.strictObject({
  token: tokenField,
  password: z.string().max(1000),
  confirm: z.string().max(1000),
  _csrf: csrfField,
});

/** Only a path inside the admin area: never another site (`//evil`, `/\evil`) after sign-in. */
export function safeNext(value: string | undefined): string {
  if (!value || !/^\/admin(?:[/?#]|$)/.test(value) || /[\\\s]|\/\//.test(value)) return "/admin";
  return value;
}

function html(request: FastifyRequest, reply: FastifyReply, page: string, status = 200) {
  return sendPage(request, reply, makePage(page), NO_STORE, status);
}

/** Sign-in and set-password: the two admin pages open without a session. */
export async function authRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  await signInRoutes(app, ctx);
  await setPasswordRoutes(app, ctx);
}

async function signInRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get("/admin/sign-in", { schema: { querystring: z.strictObject({ next }) } }, async (request, reply) => {
    const target = safeNext(request.query.next);
    const token = request.cookies[SESSION_COOKIE];
    if (token && (await findSession(db, token, new Date()))) return reply.redirect(target, 303);
    return html(request, reply, renderSignIn(ctx.site, { csrf: reply.generateCsrf(), next: target }));
  });

  api.post(
    "/admin/sign-in",
    { schema: { body: signInBody }, config: { rateLimit: SIGN_IN_LIMIT }, preValidation: app.csrfProtection },
    async (request, reply) => {
      const { email, password } = request.body;
      const target = safeNext(request.body.next);
      try {
        const client = { ip: request.ip, userAgent: request.headers["user-agent"] ?? null };
        const signedIn = await signIn(db, { email, password, ...client }, new Date());
        setSessionCookie(reply, ctx.config.publicUrl, signedIn.token, signedIn.expiresAt);
        return reply.redirect(target, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !["invalid_credentials", "account_locked"].includes(error.code))
          throw error;
        if (error instanceof AccountLockedError) reply.header("retry-after", String(error.retryAfterSeconds));
        const props = {
          csrf: reply.generateCsrf(),
          next: target,
          email: email.slice(0, 254),
          error: error.message,
        };
        return html(request, reply, renderSignIn(ctx.site, props), error.status);
      }
    },
  );
}

async function setPasswordRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    "/admin/set-password",
    { schema: { querystring: z.strictObject({ token: tokenField }) } },
    async (request, reply) => {
      const { token } = request.query;
      const editor = await checkSetPasswordLink(db, token, new Date());
      const props = { csrf: reply.generateCsrf(), token, email: editor.email };
      return html(request, reply, renderSetPassword(ctx.site, props));
    },
  );

  api.post(
    "/admin/set-password",
    {
      schema: { body: setPasswordBody },
      config: { rateLimit: SIGN_IN_LIMIT },
      preValidation: app.csrfProtection,
    },
    async (request, reply) => {
      const { token, password, confirm } = request.body;
      const now = new Date();
      const editor = await checkSetPasswordLink(db, token, now);
      const retry = (error: string) => {
        const props = { csrf: reply.generateCsrf(), token, email: editor.email, error };
        return html(request, reply, renderSetPassword(ctx.site, props), 400);
      };
      if (password !== confirm) return retry("The two passwords differ: type the same one twice.");
      try {
        await setPasswordWithLink(db, token, password, now);
      } catch (error) {
        if (error instanceof AppError && error.code === "bad_input") return retry(error.message);
        throw error;
      }
      // The link proved who this is: sign them in straight away.
      const client = { ip: request.ip, userAgent: request.headers["user-agent"] ?? null };
      const session = await startSession(db, editor, client, now, "set-password");
      setSessionCookie(reply, ctx.config.publicUrl, session.token, session.expiresAt);
      return reply.redirect("/admin", 303);
    },
  );
}

/** Sign-out lives in the guarded area: it needs the session it ends. */
export async function signOutRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  area.post("/admin/sign-out", { config: { role: "editor" } }, async (request, reply) => {
    const session = currentSession(request);
    const now = new Date();
    await revokeSession(ctx.database.db, session.id, now);
    const target = `session:${session.id.slice(0, 12)}`;
    await recordAudit(
      ctx.database.db,
      { actor: session.editor.email, action: "session.signed_out", target },
      now,
    );
    clearSessionCookie(reply, ctx.config.publicUrl);
    return reply.redirect("/admin/sign-in", 303);
  });
}
