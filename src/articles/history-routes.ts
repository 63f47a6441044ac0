import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { adminView, csrfField, sendAdminPage } from "../editors/admin-http.js";
import { currentSession } from "../editors/guard.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { slugParams } from "./edit-routes.js";
import { compareRevisions, restoreRevision } from "./history.js";
import { listRevisions } from "./repository.js";
import { renderRevisionsPage } from "./revisions-page.js";
import { openEditing } from "./service.js";

const number = z.coerce.number().int().min(1).max(1_000_000);
const revisionsQuery = z.strictObject({
  from: number.optional(),
  to: number.optional(),
  restored: number.optional(),
});
const restoreParams = slugParams.extend({ number });
const restoreBody = z.strictObject({ base: z.coerce.number().int().min(0).max(1_000_000), _csrf: csrfField });
const config = { role: "editor" as const };

type Notice = { kind: "ok" | "error"; text: string } | null;

async function sendRevisions(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  options: { from?: number | undefined; to?: number | undefined; notice: Notice },
  status = 200,
) {
  const { db } = ctx.database;
  const editing = await openEditing(db, slug, currentSession(request).editor.id);
  const revisions = await listRevisions(db, editing.row.id);
  const { from, to } = options;
  const compare =
    from !== undefined && to !== undefined
      ? { from, to, changes: (await compareRevisions(db, editing.row.id, from, to)).changes }
      : null;
  const view = adminView(ctx, request, reply);
  const html = renderRevisionsPage({
    view,
    slug: editing.row.slug,
    name: editing.row.name,
    revisions,
    compare,
    notice: options.notice,
  });
  return sendAdminPage(request, reply, html, status);
}

/** The revision history of an article: list, compare two, restore one as a new revision. */
export async function historyRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    "/admin/articles/:slug/revisions",
    { config, schema: { params: slugParams, querystring: revisionsQuery } },
    async (request, reply) => {
      const { from, to, restored } = request.query;
      if ((from === undefined) !== (to === undefined)) {
        throw new AppError(
          "bad_input",
          "Choose two revisions to compare.",
          from === undefined ? "from" : "to",
        );
      }
      const notice: Notice = restored ? { kind: "ok", text: `Restored as revision ${restored}.` } : null;
      return sendRevisions(ctx, request, reply, request.params.slug, { from, to, notice });
    },
  );

  api.post(
    "/admin/articles/:slug/revisions/:number/restore",
    { config, schema: { params: restoreParams, body: restoreBody } },
    async (request, reply) => {
      const { editor } = currentSession(request);
      const { slug, number: old } = request.params;
      const editing = await openEditing(db, slug, editor.id);
      try {
        const published = await restoreRevision(db, editing, editor, old, request.body.base);
        await ctx.search.sync.poll();
        return reply.redirect(
          `/admin/articles/${editing.row.slug}/revisions?restored=${published.number}`,
          303,
        );
      } catch (error) {
        if (!(error instanceof AppError) || !["stale_revision", "nothing_to_publish"].includes(error.code))
          throw error;
        // The list the editor saw was out of date, or the old revision equals the published one.
        const notice: Notice = { kind: "error", text: `${error.message} Nothing was restored.` };
        return sendRevisions(ctx, request, reply, slug, { notice }, error.status);
      }
    },
  );
}
