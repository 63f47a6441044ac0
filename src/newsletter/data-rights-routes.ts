import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import { sameOriginCheck } from "../security/guards.js";
import type { WebContext } from "../server/compose.js";
import { NO_STORE, sendPage } from "../web/http.js";
import { makePage } from "../web/page-cache.js";
import {
  type DataRightsDeps,
  deleteSubscriberData,
  exportSubscriberData,
  subscriberOfDataLink,
} from "./data-rights.js";
import { renderDataDeleted, renderDataLinkExpired, renderDataPage } from "./data-rights-pages.js";

const tokenQuery = z.strictObject({ token: z.string().min(1).max(1024) });
const exportBody = z.strictObject({ format: z.literal("json") });
const deleteBody = z.strictObject({ confirm: z.literal("yes") });

function send(request: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  return sendPage(request, reply, makePage(html), NO_STORE, status);
}

/** An expired link gets its own page (410); any other refusal goes to the error handler. */
async function unlessExpired(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  action: () => Promise<FastifyReply>,
) {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError && error.code === "link_expired") {
      return send(request, reply, renderDataLinkExpired(ctx.site), 410);
    }
    throw error;
  }
}

/**
 * /newsletter/data: the signed link in every issue. GET shows what we hold and two buttons; the
 * POSTs export (a JSON download) or delete. The signed token is the authority, as for one-click
 * unsubscribe; a post a browser marks as cross-site is refused besides.
 */
export async function dataRightsRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps: DataRightsDeps = { db: ctx.database.db, signer: ctx.signer, publicUrl: ctx.config.publicUrl };
  const config = { rateLimit: { max: ctx.config.apiRateLimit, timeWindow: "1 minute" } };
  const sameOrigin = sameOriginCheck(ctx.config.publicUrl);

  api.get("/newsletter/data", { schema: { querystring: tokenQuery }, config }, (request, reply) =>
    unlessExpired(ctx, request, reply, async () => {
      const subscriber = await subscriberOfDataLink(deps, request.query.token);
      return send(request, reply, renderDataPage(ctx.site, subscriber, request.query.token));
    }),
  );

  api.post(
    "/newsletter/data/export",
    { schema: { querystring: tokenQuery, body: exportBody }, config, preValidation: sameOrigin },
    (request, reply) =>
      unlessExpired(ctx, request, reply, async () => {
        const data = await exportSubscriberData(deps, request.query.token);
        return reply
          .header("cache-control", NO_STORE)
          .header("content-disposition", 'attachment; filename="inci-atlas-newsletter-data.json"')
          .type("application/json; charset=utf-8")
          .send(JSON.stringify(data, null, 2));
      }),
  );

  api.post(
    "/newsletter/data/delete",
    { schema: { querystring: tokenQuery, body: deleteBody }, config, preValidation: sameOrigin },
    (request, reply) =>
      unlessExpired(ctx, request, reply, async () => {
        await deleteSubscriberData(deps, request.query.token);
        return send(request, reply, renderDataDeleted(ctx.site));
      }),
  );
}
