import Fastify, { type FastifyInstance } from "fastify";
import { z } from "zod";
import { analyzeText, MAX_LABEL_BYTES } from "../analyzer/service.js";
import type { Context } from "../boot.js";
import { AppError } from "../errors.js";
import { presentIngredient } from "../ingredients/presenter.js";

const analyzeBody = z.strictObject({
  text: z.string(),
  claims: z.array(z.string().max(40)).max(20).optional(),
});

/**
 * The minimal server of the foundation: the analyze API and ingredient facts as JSON, and a
 * start page that says what is there. The website issue replaces the pages.
 */
export function buildServer(ctx: Context, logLevel = "info"): FastifyInstance {
  const app = Fastify({ logger: { level: logLevel }, bodyLimit: MAX_LABEL_BYTES + 10_000 });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, field: error.field } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply
        .status(413)
        .send({ error: { code: "label_too_long", message: "The request body is too large." } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: "bad_input", message: (error as Error).message } });
    }
    app.log.error(error);
    return reply
      .status(500)
      .send({ error: { code: "internal", message: "Something went wrong on our side." } });
  });

  app.get("/", async (_request, reply) => {
    reply.type("text/plain; charset=utf-8");
    return [
      "INCI Atlas",
      "",
      `Dictionary: ${ctx.dictionary.size} ingredients.`,
      "",
      'POST /api/v1/analyze   {"text": "Water, Glycerin, Parfum", "claims": ["fragrance-free"]}',
      "GET  /api/v1/ingredients/<slug>",
      "",
      "The website with articles, search and the decoder page is being built.",
    ].join("\n");
  });

  app.post("/api/v1/analyze", async (request) => {
    const body = analyzeBody.safeParse(request.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      throw new AppError(
        "bad_input",
        issue?.message ?? "Bad request body.",
        issue?.path.join(".") || undefined,
      );
    }
    return analyzeText(ctx.dictionary, body.data.text, body.data.claims ?? []);
  });

  app.get<{ Params: { slug: string } }>("/api/v1/ingredients/:slug", async (request) => {
    const ingredient = ctx.dictionary.findBySlug(request.params.slug.slice(0, 300));
    if (!ingredient)
      throw new AppError("ingredient_not_found", `No ingredient "${request.params.slug}".`, "slug");
    return presentIngredient(ingredient);
  });

  return app;
}
