import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import { dictionaryIndex, LETTERS } from "../ingredients/browse.js";
import {
  listLatestRevisionDates,
  listRecentlyUpdated,
  listRecentRevisions,
} from "../ingredients/revisions.js";
import type { WebContext } from "../server/compose.js";
import { renderDocument } from "../web/render.js";
import { AzIndexPage, FunctionPage, FunctionsPage, LetterPage } from "./browse.js";
import { renderFeed } from "./feed.js";
import { HomePage, type RecentArticle } from "./home.js";
import { sendCached, servedAs } from "./http.js";
import { MethodologyPage } from "./methodology.js";
import { slicePage } from "./pagination.js";
import { renderOpenSearch, renderRobots } from "./robots.js";
import { renderSitemap } from "./sitemap.js";

const page = z.coerce.number().int().min(1).max(10000).optional();
const letterQuery = z.strictObject({ letter: z.enum(LETTERS).optional(), page });
const pageQuery = z.strictObject({ page });
const functionParams = z.strictObject({ slug: z.string().min(1).max(200) });

const RECENT_ON_HOME = 10;
const FEED_ENTRIES = 50;

async function recentArticles(ctx: WebContext): Promise<RecentArticle[]> {
  const byId = dictionaryIndex(ctx.dictionary).byId;
  const seen = new Set<number>();
  const recent: RecentArticle[] = [];
  // Several revisions of one article count once: ask for a few more than are shown.
  for (const row of await listRecentlyUpdated(ctx.database.db, RECENT_ON_HOME * 3)) {
    const ingredient = byId.get(row.ingredientId);
    if (!ingredient || seen.has(ingredient.id) || recent.length >= RECENT_ON_HOME) continue;
    seen.add(ingredient.id);
    recent.push({ ingredient, updatedAt: row.createdAt });
  }
  return recent;
}

/** Home, methodology and the A-Z and function indexes. */
async function pageRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/", async (request, reply) =>
    sendCached(ctx, request, reply, "/", async () => {
      const recent = await recentArticles(ctx);
      const articleCount = dictionaryIndex(ctx.dictionary).articles.length;
      return renderDocument(<HomePage site={ctx.site} recent={recent} articleCount={articleCount} />);
    }),
  );
  api.get("/methodology", async (request, reply) =>
    sendCached(ctx, request, reply, "/methodology", () =>
      renderDocument(
        <MethodologyPage
          site={ctx.site}
          doc={ctx.content.methodology}
          bibliography={ctx.content.bibliography}
        />,
      ),
    ),
  );
  api.get("/ingredients", { schema: { querystring: letterQuery } }, async (request, reply) => {
    const index = dictionaryIndex(ctx.dictionary);
    const { letter, page = 1 } = request.query;
    if (!letter) {
      if (page !== 1) throw new AppError("bad_input", "A page number needs a letter.", "page");
      const total = ctx.dictionary.size;
      return sendCached(ctx, request, reply, "/ingredients", () =>
        renderDocument(<AzIndexPage site={ctx.site} index={index} total={total} />),
      );
    }
    const slice = slicePage(index.letters.get(letter) ?? [], page);
    if (!slice) throw new AppError("not_found", "There is no such page under this letter.");
    return sendCached(ctx, request, reply, `/ingredients?letter=${letter}&page=${page}`, () =>
      renderDocument(<LetterPage site={ctx.site} index={index} letter={letter} slice={slice} />),
    );
  });
  api.get("/functions", { schema: { querystring: z.strictObject({}) } }, async (request, reply) =>
    sendCached(ctx, request, reply, "/functions", () =>
      renderDocument(<FunctionsPage site={ctx.site} functions={dictionaryIndex(ctx.dictionary).functions} />),
    ),
  );
  api.get(
    "/functions/:slug",
    { schema: { params: functionParams, querystring: pageQuery } },
    async (request, reply) => {
      const group = dictionaryIndex(ctx.dictionary).functionsBySlug.get(request.params.slug);
      if (!group) throw new AppError("not_found", "We know no CosIng function at this address.");
      const { page = 1 } = request.query;
      const slice = slicePage(group.ingredients, page);
      if (!slice) throw new AppError("not_found", "There is no such page for this function.");
      return sendCached(ctx, request, reply, `/functions/${group.slug}?page=${page}`, () =>
        renderDocument(<FunctionPage site={ctx.site} group={group} slice={slice} />),
      );
    },
  );
}

/** sitemap.xml, feed.xml, robots.txt and opensearch.xml. */
async function discoveryRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const url = ctx.config.publicUrl;
  app.get("/sitemap.xml", servedAs("application/xml; charset=utf-8"), async (request, reply) =>
    sendCached(ctx, request, reply, "/sitemap.xml", async () =>
      renderSitemap(url, dictionaryIndex(ctx.dictionary), await listLatestRevisionDates(ctx.database.db)),
    ),
  );
  app.get("/feed.xml", servedAs("application/atom+xml; charset=utf-8"), async (request, reply) =>
    sendCached(ctx, request, reply, "/feed.xml", async () => {
      const byId = dictionaryIndex(ctx.dictionary).byId;
      const items = (await listRecentRevisions(ctx.database.db, FEED_ENTRIES)).flatMap((revision) => {
        const ingredient = byId.get(revision.ingredientId);
        return ingredient ? [{ revision, ingredient }] : [];
      });
      return renderFeed(url, items, new Date(0).toISOString());
    }),
  );
  app.get("/robots.txt", servedAs("text/plain; charset=utf-8"), async (request, reply) =>
    sendCached(ctx, request, reply, "/robots.txt", () => renderRobots(url)),
  );
  app.get(
    "/opensearch.xml",
    servedAs("application/opensearchdescription+xml; charset=utf-8"),
    async (request, reply) => sendCached(ctx, request, reply, "/opensearch.xml", () => renderOpenSearch(url)),
  );
}

export async function siteRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  await pageRoutes(app, ctx);
  await discoveryRoutes(app, ctx);
}
