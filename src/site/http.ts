import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import type { WebContext } from "../server/compose.js";
import { sendPage } from "../web/http.js";

/**
 * Route options for a cached document that is not HTML (sitemap, feed, robots.txt): `sendPage`
 * gives it its ETag, Cache-Control, 304 and stored compression, and this hook its real type.
 */
export function servedAs(type: string): RouteShorthandOptions {
  return {
    onSend: async (_request, reply, payload) => {
      if (reply.statusCode === 200) reply.type(type);
      return payload;
    },
  };
}

/** Render once per page-cache key (when the cache is on) and send with validators. */
export async function sendCached(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  render: () => Promise<string> | string,
): Promise<FastifyReply> {
  const page = await ctx.pages.get(key, render);
  return sendPage(request, reply, page);
}
