import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { adminView, csrfField, idParams, sendAdminPage } from "../editors/admin-http.js";
import { currentSession } from "../editors/guard.js";
import { findIngredientRowById } from "../ingredients/repository.js";
import type { Ingredient } from "../ingredients/types.js";
import type { WebContext } from "../server/compose.js";
import { keepEditorVersion, takeCorpusVersion } from "./conflicts.js";
import { renderConflictsPage } from "./conflicts-page.js";
import { countPendingConflicts, listPendingConflicts } from "./conflicts-repository.js";
import { fieldValue } from "./fields.js";
import { renderArticleList } from "./list-page.js";
import { listDraftsOf } from "./repository.js";
import { loadStoredContent } from "./stored.js";

const PER_PAGE = 50;
const listQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  article: z.enum(["any", "with", "without"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
const conflictsQuery = z.strictObject({ done: z.enum(["kept", "taken"]).optional() });
const tokenBody = z.strictObject({ _csrf: csrfField });
const config = { role: "editor" as const };

function matches(ingredient: Ingredient, q: string): boolean {
  return (
    ingredient.name.toLowerCase().includes(q) ||
    ingredient.inci.toLowerCase().includes(q) ||
    ingredient.slug.includes(q)
  );
}

/** The article list and the corpus-conflict queue. */
export async function listRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get("/admin/articles", { config, schema: { querystring: listQuery } }, async (request, reply) => {
    const q = (request.query.q ?? "").toLowerCase();
    const article = request.query.article ?? "any";
    const found = ctx.dictionary.ingredients
      .filter(
        (i) => (q === "" || matches(i, q)) && (article === "any" || i.hasArticle === (article === "with")),
      )
      .sort((a, b) => a.name.localeCompare(b.name, "en"));
    const page = request.query.page ?? 1;
    const [drafts, conflicts] = await Promise.all([
      listDraftsOf(db, currentSession(request).editor.id),
      countPendingConflicts(db),
    ]);
    const html = renderArticleList({
      view: adminView(ctx, request, reply),
      q: request.query.q ?? "",
      article,
      page,
      total: found.length,
      perPage: PER_PAGE,
      items: found.slice((page - 1) * PER_PAGE, page * PER_PAGE),
      drafts,
      conflicts,
    });
    return sendAdminPage(request, reply, html);
  });

  api.get(
    "/admin/articles/conflicts",
    { config, schema: { querystring: conflictsQuery } },
    async (request, reply) => {
      const pending = await listPendingConflicts(db);
      const stored = new Map<number, Awaited<ReturnType<typeof loadStoredContent>>>();
      for (const id of new Set(pending.map((c) => c.ingredientId))) {
        const row = await findIngredientRowById(db, id);
        if (row) stored.set(id, await loadStoredContent(db, row));
      }
      const conflicts = pending.map((c) => {
        const content = stored.get(c.ingredientId);
        return { ...c, yours: content ? fieldValue(content, c.field) : null };
      });
      const done = request.query.done;
      const notice =
        done === "kept"
          ? "Kept the published version."
          : done === "taken"
            ? "Published the corpus version."
            : null;
      return sendAdminPage(
        request,
        reply,
        renderConflictsPage({ view: adminView(ctx, request, reply), conflicts, notice }),
      );
    },
  );

  api.post(
    "/admin/articles/conflicts/:id/keep",
    { config, schema: { params: idParams, body: tokenBody } },
    async (request, reply) => {
      await keepEditorVersion(db, request.params.id, currentSession(request).editor.email);
      return reply.redirect("/admin/articles/conflicts?done=kept", 303);
    },
  );

  api.post(
    "/admin/articles/conflicts/:id/take",
    { config, schema: { params: idParams, body: tokenBody } },
    async (request, reply) => {
      await takeCorpusVersion(db, request.params.id, currentSession(request).editor.email);
      await ctx.search.sync.poll();
      return reply.redirect("/admin/articles/conflicts?done=taken", 303);
    },
  );
}
