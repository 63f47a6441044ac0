import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import { resolveSlug } from "../ingredients/slugs.js";
import type { Ingredient } from "../ingredients/types.js";
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
import { renderFeedbackThanks } from "./pages.js";
import { type FeedbackInput, prepareFeedback, saveFeedback } from "./service.js";

const slugParams = z.strictObject({ slug: z.string().min(1).max(200) });
/**
 * The comment's own limit (2,000) is checked by the service with a 413 and the field; the schema
 * only bounds what is read (the body limit does the rest).
 */
const comment = z.string().max(20_000).optional();
const altcha = z.string().max(MAX_ALTCHA_PAYLOAD).optional();
const formBody = z.strictObject({
  helpful: z.enum(["yes", "no"]),
  comment,
  revision: z.coerce.number().int().min(1).max(1_000_000).optional(),
  _csrf: z.string().max(200).optional(),
  [ALTCHA_FIELD]: altcha,
  [HONEYPOT_FIELD]: z.string().max(1000).optional(),
});
const jsonBody = z.strictObject({
  helpful: z.boolean(),
  comment,
  revision: z.number().int().min(1).max(1_000_000).optional(),
  [ALTCHA_FIELD]: altcha,
});

function findIngredient(ctx: WebContext, slug: string): Ingredient {
  // An alias slug names the same article: the feedback is recorded on it, without a redirect.
  const match = resolveSlug(ctx.dictionary, slug);
  if (!match) throw new AppError("ingredient_not_found", `No ingredient "${slug}".`, "slug");
  return match.ingredient;
}

/**
 * Honeypot first (a bot gets the usual answer, nothing is stored), then the comment and revision,
 * then the proof of work: a comment that is too long is reported without spending the solution.
 */
async function receive(ctx: WebContext, ingredient: Ingredient, input: FeedbackInput, payload?: string) {
  const feedback = await prepareFeedback(ctx.database.db, ingredient, input);
  await ctx.altcha.verify(payload);
  await saveFeedback(ctx.database.db, feedback);
}

export async function feedbackRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limit = addressLimit(app, 10, "1 hour", "feedback messages");
  const sameOrigin = sameOriginCheck(ctx.config.publicUrl);

  api.post(
    "/ingredients/:slug/feedback",
    {
      schema: { params: slugParams, body: formBody },
      onRequest: limit,
      preValidation: [sameOrigin, app.csrfProtection],
    },
    async (request, reply) => {
      const ingredient = findIngredient(ctx, request.params.slug);
      const body = request.body;
      const input = { helpful: body.helpful === "yes", comment: body.comment, revisionNumber: body.revision };
      if (!isHoneypotFilled(body[HONEYPOT_FIELD])) await receive(ctx, ingredient, input, body[ALTCHA_FIELD]);
      const thanks = renderFeedbackThanks(ctx.site, ingredient, Boolean(body.comment?.trim()));
      return sendPage(request, reply, makePage(thanks), NO_STORE);
    },
  );

  api.post(
    "/api/v1/ingredients/:slug/feedback",
    {
      schema: {
        tags: ["feedback"],
        summary:
          "Tell whether an article helped, with an optional anonymous comment (needs a solved ALTCHA challenge)",
        params: slugParams,
        body: jsonBody,
      },
      onRequest: limit,
      preValidation: [requireJsonBody, sameOrigin],
    },
    async (request, reply) => {
      const ingredient = findIngredient(ctx, request.params.slug);
      const { helpful, comment: text, revision } = request.body;
      await receive(
        ctx,
        ingredient,
        { helpful, comment: text, revisionNumber: revision },
        request.body[ALTCHA_FIELD],
      );
      return reply.code(201).send({ status: "received" });
    },
  );
}
