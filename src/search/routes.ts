import type { FastifyInstance } from "fastify";
import type { WebContext } from "../server/compose.js";
import { searchApiRoutes } from "./api.js";
import { searchPageRoutes } from "./pages.js";

/** The search feature: its JSON API, its results page, and the content sync's logging. */
export async function searchRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  ctx.search.sync.attachLogger(app.log);
  await searchApiRoutes(app, ctx);
  await searchPageRoutes(app, ctx);
}
