import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { adminView, csrfField, idParams, sendAdminPage } from "../editors/admin-http.js";
import { currentSession } from "../editors/guard.js";
import { AppError } from "../errors.js";
import { resolveSlug } from "../ingredients/slugs.js";
import type { WebContext } from "../server/compose.js";
import { getFeedback, handleFeedback, listArticleTotals, listInbox, unhandleFeedback } from "./inbox.js";
import { renderTotalsPage } from "./inbox-totals-views.js";
import { type InboxFilterQuery, renderFeedbackPage, renderInboxPage } from "./inbox-views.js";
import type { FeedbackFilter } from "./repository.js";

const choice = z.enum(["", "yes", "no"]).optional();
const page = z.coerce.number().int().min(1).max(100_000).optional();
const inboxQuery = z.strictObject({
  article: z
    .string()
    .trim()
    .max(200)
    .regex(/^[a-z0-9-]*$/)
    .optional(),
  helpful: choice,
  handled: choice,
  page,
});
const totalsQuery = z.strictObject({
  sort: z.enum(["least-helpful", "most-feedback", "article"]).optional(),
  page,
});
/** Where to go back to: the inbox with its filter, never another site or page. */
const back = z
  .string()
  .max(1000)
  .regex(/^\/admin\/feedback(\?[\w=&%.-]*)?$/)
  .optional();
/**
 * The note's own limit (2,000) is checked by the service with a 413 and the field; the schema only
 * bounds what is read. An empty revision means none.
 */
const handleBody = z.strictObject({
  note: z.string().max(20_000).optional(),
  correctionRevision: z
    .string()
    .trim()
    .regex(/^\d{0,7}$/)
    .optional(),
  back,
  _csrf: csrfField,
});
const unhandleBody = z.strictObject({ back, _csrf: csrfField });

/** The query's filter in the service's terms; an unknown article is a bad query, not "no feedback". */
function toFilter(ctx: WebContext, query: InboxFilterQuery): FeedbackFilter {
  const yesNo = (v: string | undefined) => (v === "yes" ? true : v === "no" ? false : undefined);
  let ingredientId: number | undefined;
  if (query.article) {
    const match = resolveSlug(ctx.dictionary, query.article);
    if (!match) throw new AppError("bad_input", `No article "${query.article}".`, "article");
    ingredientId = match.ingredient.id;
  }
  return { ingredientId, helpful: yesNo(query.helpful), handled: yesNo(query.handled) };
}

/** After a change: back to the inbox, at the item (when the filter still shows it). */
function goBack(reply: FastifyReply, to: string | undefined, id: number) {
  return reply.redirect(`${to ?? "/admin/feedback"}#feedback-${id}`, 303);
}

/** A refusal the editor can fix (note too long, no such revision): the item, the form, the error. */
async function refused(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  error: unknown,
  values: { note: string; correctionRevision: string; back: string },
) {
  if (!(error instanceof AppError) || !error.isInputError || error.code === "not_found") throw error;
  const item = await getFeedback(ctx.database.db, id);
  const { back: to, ...typed } = values;
  const html = renderFeedbackPage(adminView(ctx, request, reply), item, {
    message: error.message,
    values: typed,
    back: to,
  });
  return sendAdminPage(request, reply, html, error.status);
}

/** /admin/feedback: the feedback inbox, the helpful ratio per article, handling (editors and admins). */
export async function feedbackInboxRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const config = { role: "editor" as const };

  api.get("/admin/feedback", { config, schema: { querystring: inboxQuery } }, async (request, reply) => {
    const filter = request.query;
    const result = await listInbox(db, toFilter(ctx, filter), filter.page ?? 1);
    return sendAdminPage(request, reply, renderInboxPage(adminView(ctx, request, reply), result, filter));
  });

  api.get(
    "/admin/feedback/articles",
    { config, schema: { querystring: totalsQuery } },
    async (request, reply) => {
      const order = request.query.sort ?? "least-helpful";
      const result = await listArticleTotals(db, order, request.query.page ?? 1);
      return sendAdminPage(request, reply, renderTotalsPage(adminView(ctx, request, reply), result, order));
    },
  );

  api.get("/admin/feedback/:id", { config, schema: { params: idParams } }, async (request, reply) => {
    const item = await getFeedback(db, request.params.id);
    return sendAdminPage(request, reply, renderFeedbackPage(adminView(ctx, request, reply), item));
  });

  api.post(
    "/admin/feedback/:id/handle",
    { config, schema: { params: idParams, body: handleBody } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const revision = body.correctionRevision ? Number(body.correctionRevision) : undefined;
      try {
        const actor = currentSession(request).editor.email;
        await handleFeedback(db, id, { note: body.note, correctionRevision: revision }, actor);
      } catch (error) {
        const values = {
          note: body.note ?? "",
          correctionRevision: body.correctionRevision ?? "",
          back: body.back ?? "/admin/feedback",
        };
        return refused(ctx, request, reply, id, error, values);
      }
      return goBack(reply, body.back, id);
    },
  );

  api.post(
    "/admin/feedback/:id/unhandle",
    { config, schema: { params: idParams, body: unhandleBody } },
    async (request, reply) => {
      await unhandleFeedback(db, request.params.id, currentSession(request).editor.email);
      return goBack(reply, request.body.back, request.params.id);
    },
  );
}
