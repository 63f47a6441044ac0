import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import { ALTCHA_FIELD, MAX_ALTCHA_PAYLOAD } from "../security/altcha.js";
import {
  addressLimit,
  HONEYPOT_FIELD,
  isHoneypotFilled,
  requireJsonBody,
  sameOriginCheck,
} from "../security/guards.js";
import type { WebContext } from "../server/compose.js";
import { NO_STORE, sendPage } from "../web/http.js";
import { makePage } from "../web/page-cache.js";
import { normalizeEmail } from "./email.js";
import {
  renderCheckInbox,
  renderConfirmExpired,
  renderConfirmed,
  renderUnsubscribeAsk,
  renderUnsubscribed,
  renderUnsubscribeExpired,
} from "./pages.js";
import {
  confirmSubscription,
  findUnsubscribeTarget,
  type NewsletterDeps,
  subscribe,
  unsubscribe,
} from "./service.js";

/** Generous for the shape check; the address itself is validated (254 at most) by the service. */
const email = z.string().max(1000);
const altcha = z.string().max(MAX_ALTCHA_PAYLOAD).optional();
const formBody = z.strictObject({
  email,
  _csrf: z.string().max(200).optional(),
  [ALTCHA_FIELD]: altcha,
  [HONEYPOT_FIELD]: z.string().max(1000).optional(),
});
const jsonBody = z.strictObject({ email, [ALTCHA_FIELD]: altcha });
const tokenQuery = z.strictObject({ token: z.string().min(1).max(1024) });

const PENDING_MESSAGE =
  "If this address can receive mail, a confirmation link is on its way. Nothing is sent until it is opened.";

function send(request: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  return sendPage(request, reply, makePage(html), NO_STORE, status);
}

type Outcome<T> = { expired: false; value: T } | { expired: true; page: string };

/** Run a token route's action; an expired link gets its own helpful page, other errors the error page. */
async function onExpired<T>(
  action: () => Promise<T>,
  expired: (reason: string) => string,
): Promise<Outcome<T>> {
  try {
    return { expired: false, value: await action() };
  } catch (error) {
    if (error instanceof AppError && error.code === "link_expired") {
      return { expired: true, page: expired(error.message) };
    }
    throw error;
  }
}

export async function newsletterRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps: NewsletterDeps = {
    db: ctx.database.db,
    mail: ctx.mail,
    signer: ctx.signer,
    publicUrl: ctx.config.publicUrl,
  };
  const limit = addressLimit(app, 5, "1 hour", "sign-ups");
  const sameOrigin = sameOriginCheck(ctx.config.publicUrl);
  /** Token links: guessing one is hopeless (HMAC), but a flood still gets the API's ordinary limit. */
  const linkLimit = { rateLimit: { max: ctx.config.apiRateLimit, timeWindow: "1 minute" } };

  api.post(
    "/newsletter/subscribe",
    { schema: { body: formBody }, onRequest: limit, preValidation: [sameOrigin, app.csrfProtection] },
    async (request, reply) => {
      const body = request.body;
      await subscribeChecked(ctx, deps, body.email, body[ALTCHA_FIELD], body[HONEYPOT_FIELD]);
      return send(request, reply, renderCheckInbox(ctx.site, body.email.trim().toLowerCase()));
    },
  );

  api.post(
    "/api/v1/newsletter/subscribe",
    {
      schema: {
        tags: ["newsletter"],
        summary: "Sign up for the weekly newsletter (double opt-in; needs a solved ALTCHA challenge)",
        body: jsonBody,
      },
      onRequest: limit,
      preValidation: [requireJsonBody, sameOrigin],
    },
    async (request, reply) => {
      await subscribeChecked(ctx, deps, request.body.email, request.body[ALTCHA_FIELD]);
      return reply.code(202).send({ status: "pending", message: PENDING_MESSAGE });
    },
  );

  api.get(
    "/newsletter/confirm",
    { schema: { querystring: tokenQuery }, config: linkLimit },
    async (request, reply) => {
      const result = await onExpired(
        () => confirmSubscription(deps, request.query.token),
        (reason) => renderConfirmExpired(ctx.site, reason),
      );
      if (result.expired) return send(request, reply, result.page, 410);
      return send(request, reply, renderConfirmed(ctx.site, result.value.email));
    },
  );

  api.get(
    "/newsletter/unsubscribe",
    { schema: { querystring: tokenQuery }, config: linkLimit },
    async (request, reply) => {
      const { token } = request.query;
      const result = await onExpired(
        () => findUnsubscribeTarget(deps, token),
        () => renderUnsubscribeExpired(ctx.site),
      );
      if (result.expired) return send(request, reply, result.page, 410);
      return send(request, reply, renderUnsubscribeAsk(ctx.site, result.value.email, token));
    },
  );

  await app.register(async (scope) => oneClickUnsubscribe(scope, ctx, deps, linkLimit));
}

/**
 * Honeypot first (a bot gets the usual answer and nothing is stored), then the address, then the
 * proof of work: a typo in the address is reported without spending the reader's solution.
 */
async function subscribeChecked(
  ctx: WebContext,
  deps: NewsletterDeps,
  address: string,
  payload: string | undefined,
  honeypot?: string,
): Promise<void> {
  if (isHoneypotFilled(honeypot)) return;
  normalizeEmail(address);
  await ctx.altcha.verify(payload);
  await subscribe(deps, address);
}

/**
 * RFC 8058 one-click unsubscribe: mail programs POST `List-Unsubscribe=One-Click` to the link,
 * form-encoded or multipart, with no cookie and no Origin. The signed token in the URL is the
 * authority, so no CSRF token is asked (a forged request would need the reader's token anyway).
 * The body is not needed: in this scope every content type is accepted and ignored.
 */
async function oneClickUnsubscribe(
  scope: FastifyInstance,
  ctx: WebContext,
  deps: NewsletterDeps,
  config: { rateLimit: { max: number; timeWindow: string } },
) {
  scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: 4096 }, (_request, _body, done) => {
    done(null, undefined);
  });
  scope
    .withTypeProvider<ZodTypeProvider>()
    .post(
      "/newsletter/unsubscribe",
      { schema: { querystring: tokenQuery }, config },
      async (request, reply) => {
        const result = await onExpired(
          () => unsubscribe(deps, request.query.token),
          () => renderUnsubscribeExpired(ctx.site),
        );
        if (result.expired) return send(request, reply, result.page, 410);
        return send(request, reply, renderUnsubscribed(ctx.site, result.value.email));
      },
    );
}
