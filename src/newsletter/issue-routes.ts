import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { adminView, csrfField, idParams, sendAdminPage } from "../editors/admin-http.js";
import { currentSession } from "../editors/guard.js";
import type { WebContext } from "../server/compose.js";
import { discardDraft, draftIssue, getIssue, saveDraft } from "./issue-compose.js";
import { renderPreviewPage } from "./issue-edit-views.js";
import { attempt, confirmedCount, DONE, renderIssue, tokenBody } from "./issue-http.js";
import { issueHtml, issueText } from "./issue-mail.js";
import { previewLinks, sendTestIssue } from "./issue-preview.js";
import { listIssues } from "./issue-repository.js";
import { issueSendRoutes } from "./issue-send-routes.js";
import { renderIssueList } from "./issue-views.js";

export { backgroundSendsOf } from "./issue-http.js";

const issueQuery = z.strictObject({ done: z.enum(DONE).optional() });
const slug = z.string().max(200);
const draftBody = z.strictObject({
  subject: z.string().max(1000),
  intro: z.string().max(20_000),
  keep: z.union([slug, z.array(slug).max(100)]).optional(),
  add: z.string().max(2000).optional(),
  _csrf: csrfField,
});

/** /admin/newsletter: compose, preview and test (editors); send and resolve (admins, issue-send-routes.ts). */
export async function newsletterAdminRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const editor = { role: "editor" as const };
  // ctx.dictionary is replaced when another instance publishes: read it per request.
  const compose = () => ({ db, dictionary: ctx.dictionary });

  api.get("/admin/newsletter", { config: editor }, async (request, reply) => {
    const view = adminView(ctx, request, reply);
    return sendAdminPage(
      request,
      reply,
      renderIssueList(view, await listIssues(db), await confirmedCount(ctx)),
    );
  });

  api.post("/admin/newsletter", { config: editor, schema: { body: tokenBody } }, async (request, reply) => {
    const id = await draftIssue(compose(), currentSession(request).editor.email);
    return reply.redirect(`/admin/newsletter/${id}`, 303);
  });

  api.get(
    "/admin/newsletter/:id",
    { config: editor, schema: { params: idParams, querystring: issueQuery } },
    (request, reply) => renderIssue(ctx, request, reply, request.params.id, { done: request.query.done }),
  );

  api.post(
    "/admin/newsletter/:id",
    { config: editor, schema: { params: idParams, body: draftBody } },
    (request, reply) => {
      const { keep, add, subject, intro } = request.body;
      const edit = { subject, intro, keep: keep === undefined ? [] : [keep].flat(), add: add ?? "" };
      return attempt(ctx, request, reply, request.params.id, async (actor) => {
        await saveDraft(compose(), request.params.id, edit, actor);
        return "saved";
      });
    },
  );

  await previewRoutes(area, ctx);

  api.post(
    "/admin/newsletter/:id/test",
    { config: editor, schema: { params: idParams, body: tokenBody } },
    (request, reply) =>
      attempt(ctx, request, reply, request.params.id, async (actor) => {
        const issue = await getIssue(db, request.params.id);
        const deps = {
          db,
          mail: ctx.mail,
          signer: ctx.signer,
          publicUrl: ctx.config.publicUrl,
          mailFrom: ctx.config.mailFrom,
        };
        await sendTestIssue(deps, issue, actor);
        return "test";
      }),
  );

  api.post(
    "/admin/newsletter/:id/discard",
    { config: editor, schema: { params: idParams, body: tokenBody } },
    async (request, reply) => {
      await discardDraft(db, request.params.id, currentSession(request).editor.email);
      return reply.redirect("/admin/newsletter", 303);
    },
  );

  await issueSendRoutes(area, ctx);
}

/** The preview page, and the exact HTML and plain-text parts (placeholder links: no subscriber). */
async function previewRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const config = { role: "editor" as const };
  const { publicUrl } = ctx.config;
  const links = previewLinks(publicUrl);
  api.get(
    "/admin/newsletter/:id/preview",
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const issue = await getIssue(ctx.database.db, request.params.id);
      const page = renderPreviewPage(
        adminView(ctx, request, reply),
        issue,
        publicUrl,
        issueText(issue, publicUrl, links),
      );
      return sendAdminPage(request, reply, page);
    },
  );
  api.get(
    "/admin/newsletter/:id/preview.txt",
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const issue = await getIssue(ctx.database.db, request.params.id);
      return reply.type("text/plain; charset=utf-8").send(issueText(issue, publicUrl, links));
    },
  );
  api.get(
    "/admin/newsletter/:id/preview.html",
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const issue = await getIssue(ctx.database.db, request.params.id);
      return sendAdminPage(request, reply, issueHtml(issue, publicUrl, links));
    },
  );
}
