import type { FastifyInstance, FastifyReply } from "fastify";
import { listArticleCorrections } from "../corrections/repository.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { PUBLIC_PAGE_CACHE, sendPage } from "../web/http.js";
import { renderDocument } from "../web/render.js";
import { ArticlePage } from "./article/article-page.js";
import { FactsOnlyPage } from "./article/facts-only.js";
import { findCosingDescription } from "./article/queries.js";
import { SectionRenderer } from "./article/sections.js";
import { dictionaryIndex, relatedIngredients } from "./browse.js";
import { findPublishedRevision } from "./revisions.js";
import { findIngredientBySlug } from "./slugs.js";
import type { Ingredient } from "./types.js";

async function renderIngredientPage(
  ctx: WebContext,
  renderer: SectionRenderer,
  ingredient: Ingredient,
): Promise<string> {
  const common = {
    site: ctx.site,
    ingredient,
    related: relatedIngredients(ctx.dictionary, ingredient),
    bibliography: ctx.content.bibliography,
    corrections: await listArticleCorrections(ctx.database.db, ingredient.id),
  };
  const revision = await findPublishedRevision(ctx.database.db, ingredient.id);
  if (revision?.sections) {
    return renderDocument(
      <ArticlePage {...common} revision={revision} rendered={renderer.render(revision)} />,
    );
  }
  const description =
    ingredient.source === "cosing" ? await findCosingDescription(ctx.database.db, ingredient.id) : null;
  return renderDocument(<FactsOnlyPage {...common} revision={revision} description={description} />);
}

function redirect(reply: FastifyReply, slug: string): FastifyReply {
  return reply.header("cache-control", PUBLIC_PAGE_CACHE).redirect(`/ingredients/${slug}`, 301);
}

/** The ingredient pages: a full article, or the honest facts-only page of an entry without one. */
export async function ingredientPageRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const renderer = new SectionRenderer(ctx.content.bibliography);
  // Build the browse and related-link index at boot rather than on the first request.
  dictionaryIndex(ctx.dictionary);

  app.get<{ Params: { slug: string } }>("/ingredients/:slug", async (request, reply) => {
    const requested = request.params.slug;
    const found = await findIngredientBySlug(ctx.dictionary, ctx.database.db, requested);
    if (!found) throw new AppError("not_found", "We have no ingredient at this address.");
    const { ingredient } = found;
    if (!found.canonical) return redirect(reply, ingredient.slug);
    // One cache entry per ingredient, whatever query string a link added.
    const page = await ctx.pages.get(`/ingredients/${ingredient.slug}`, () =>
      renderIngredientPage(ctx, renderer, ingredient),
    );
    return sendPage(request, reply, page);
  });
}
