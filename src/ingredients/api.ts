import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { dictionaryIndex } from "./browse.js";
import { presentArticle, presentFunction } from "./presenter.js";
import { findPublishedRevision } from "./revisions.js";
import { findIngredientBySlug } from "./slugs.js";

const slugParams = z.strictObject({ slug: z.string().min(1).max(200) });
const functionList = z.object({
  items: z.array(z.object({ name: z.string(), slug: z.string(), count: z.number().int() })),
});

export async function ingredientApiRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/ingredients/:slug",
    {
      schema: {
        tags: ["ingredients"],
        summary: "An ingredient's facts and article sections",
        params: slugParams,
      },
    },
    async (request, reply) => {
      const match = await findIngredientBySlug(ctx.dictionary, ctx.database.db, request.params.slug);
      if (!match)
        throw new AppError("ingredient_not_found", `No ingredient "${request.params.slug}".`, "slug");
      if (!match.canonical) return reply.redirect(`/api/v1/ingredients/${match.ingredient.slug}`, 301);
      const revision = await findPublishedRevision(ctx.database.db, match.ingredient.id);
      return presentArticle(match.ingredient, revision);
    },
  );

  api.get(
    "/api/v1/functions",
    {
      schema: {
        tags: ["ingredients"],
        summary: "Every CosIng function with the number of ingredients that have it",
        querystring: z.strictObject({}),
        response: { 200: functionList },
      },
    },
    async () => ({ items: dictionaryIndex(ctx.dictionary).functions.map(presentFunction) }),
  );
}
