import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { WebContext } from "../server/compose.js";
import { MAX_SUGGESTIONS } from "./index.js";
import { presentSearchItem, presentSuggestion, searchItem, suggestionItem } from "./presenter.js";

/** A query longer than any INCI name is not a look-up. */
export const MAX_QUERY_CHARS = 200;

const searchQuery = z.strictObject({
  q: z.string().max(MAX_QUERY_CHARS).default(""),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const suggestQuery = z.strictObject({
  q: z.string().min(1).max(MAX_QUERY_CHARS),
  limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(8),
});
const searchResponse = z.object({ items: z.array(searchItem), total: z.number().int() });
const suggestResponse = z.object({ items: z.array(suggestionItem) });

export async function searchApiRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: ctx.config.apiRateLimit, timeWindow: "1 minute" };

  api.get(
    "/api/v1/ingredients",
    {
      schema: {
        tags: ["search"],
        summary:
          "Search ingredients by INCI name, any alias, CAS or EC number (typos tolerated), best match first; without q, every ingredient by INCI name",
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
      config: { rateLimit },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const index = ctx.search.index;
      if (q.trim() === "") {
        const all = index.all();
        return {
          items: all.slice(offset, offset + limit).map((i) => presentSearchItem(i, i.inci)),
          total: all.length,
        };
      }
      const { hits } = index.search(q);
      return {
        items: hits.slice(offset, offset + limit).map((h) => presentSearchItem(h.ingredient, h.matchedName)),
        total: hits.length,
      };
    },
  );

  api.get(
    "/api/v1/suggest",
    {
      schema: {
        tags: ["search"],
        summary: "Suggestions for a name being typed (the last word may be incomplete)",
        querystring: suggestQuery,
        response: { 200: suggestResponse },
      },
      config: { rateLimit, compress: false },
      // A few hundred bytes: compressing them costs more time (a Brotli encoder per response) than
      // it saves on the wire, and suggestions must come back within a keystroke.
      compress: false,
    },
    async (request) => ({
      items: ctx.search.index.suggest(request.query.q, request.query.limit).map(presentSuggestion),
    }),
  );
}
