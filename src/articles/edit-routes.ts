import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { adminView, csrfField, sendAdminPage } from "../editors/admin-http.js";
import { currentSession } from "../editors/guard.js";
import { AppError } from "../errors.js";
import { renderSections } from "../ingredients/article/sections.js";
import type { WebContext } from "../server/compose.js";
import { type EditorPageView, renderEditorPage } from "./editor-page.js";
import { type ArticleForm, articleBody, formOfBody } from "./form.js";
import {
  discardDraft,
  type Editing,
  initialForm,
  isStale,
  looseContent,
  openEditing,
  publishEdit,
  saveArticleDraft,
  staleEdit,
  type Who,
} from "./service.js";
import { type FieldError, validateArticle } from "./validate.js";

export const slugParams = z.strictObject({
  slug: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[a-z0-9-]+$/),
});
const DONE = {
  saved: "Draft saved. Only you see it until you publish.",
  discarded: "Your draft was discarded.",
  published: "Published",
} as const;
const editQuery = z.strictObject({
  done: z.enum(Object.keys(DONE) as [keyof typeof DONE]).optional(),
  revision: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
const previewBody = z.strictObject({ markdown: z.string().max(20_000), _csrf: csrfField });
const config = { role: "editor" as const };

/** Section Markdown rendered as the public article renders it (citations numbered across sections). */
function renderPreviews(ctx: WebContext, form: ArticleForm): Record<string, string> {
  const written = Object.fromEntries(Object.entries(form.sections).filter(([, text]) => text !== ""));
  const rendered = renderSections(written, Object.keys(written), ctx.content.bibliography);
  return Object.fromEntries(rendered.sections.map((s) => [s.heading, s.html]));
}

function validate(ctx: WebContext, editing: Editing, form: ArticleForm) {
  return validateArticle(form, editing.current, {
    bibliography: ctx.content.bibliography,
    dictionary: ctx.dictionary,
    ingredientId: editing.row.id,
    slug: editing.row.slug,
  });
}

type PageParts = Partial<EditorPageView> & { form: ArticleForm; base: number };

function sendEditor(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  editing: Editing,
  parts: PageParts,
  status = 200,
) {
  const page: EditorPageView = {
    view: adminView(ctx, request, reply),
    slug: editing.row.slug,
    inci: editing.row.inci,
    name: editing.row.name,
    hasArticle: Object.keys(editing.current.sections).length > 0,
    published: editing.published,
    eu: editing.current.facts.eu,
    problems: [],
    problemsBlock: false,
    previews: null,
    notice: null,
    draft: editing.draft
      ? { updatedAt: editing.draft.updatedAt, baseRevision: editing.draft.baseRevision }
      : null,
    stale: null,
    note: "",
    correction: false,
    ...parts,
  };
  return sendAdminPage(request, reply, renderEditorPage(page), status);
}

const editUrl = (editing: Editing) => `/admin/articles/${editing.row.slug}/edit`;

/** One post of the edit form: who sent what, about which article. */
interface Submission {
  ctx: WebContext;
  request: FastifyRequest;
  reply: FastifyReply;
  editing: Editing;
  who: Who;
  keep: { form: ArticleForm; base: number; note: string; correction: boolean };
}

function preview(sub: Submission) {
  const { ctx, editing, keep } = sub;
  const checked = validate(ctx, editing, keep.form);
  const problems = checked.ok ? [] : checked.errors;
  const previews = renderPreviews(ctx, keep.form);
  return sendEditor(ctx, sub.request, sub.reply, editing, { ...keep, previews, problems });
}

/** Someone published since this form was opened: show what changed, keep the editor's text. */
async function refuseStale(sub: Submission) {
  const { ctx, keep } = sub;
  const fresh = await openEditing(ctx.database.db, sub.editing.row.slug, sub.who.id);
  const stale = await staleEdit(ctx.database.db, fresh, keep.base, looseContent(keep.form, fresh.current));
  return sendEditor(ctx, sub.request, sub.reply, fresh, { ...keep, base: fresh.published, stale }, 409);
}

async function publish(sub: Submission) {
  const { ctx, editing, keep } = sub;
  const checked = validate(ctx, editing, keep.form);
  const problems: FieldError[] = checked.ok ? [] : [...checked.errors];
  if (keep.note === "") problems.push({ field: "note", message: "A change note is required to publish." });
  if (!checked.ok || problems.length > 0) {
    return sendEditor(ctx, sub.request, sub.reply, editing, { ...keep, problems, problemsBlock: true }, 400);
  }
  const input = { base: keep.base, content: checked.content, note: keep.note, isCorrection: keep.correction };
  try {
    const published = await publishEdit(ctx.database.db, editing, sub.who, input);
    // This instance shows the change at once; the others within one poll interval.
    await ctx.search.sync.poll();
    return sub.reply.redirect(`${editUrl(editing)}?done=published&revision=${published.number}`, 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "stale_revision") return refuseStale(sub);
    if (error.code !== "nothing_to_publish") throw error;
    const notice = { kind: "error" as const, text: error.message };
    return sendEditor(ctx, sub.request, sub.reply, editing, { ...keep, notice }, 400);
  }
}

/** /admin/articles/:slug/edit: open, preview, save a draft, publish, discard. */
export async function editRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  api.get(
    "/admin/articles/:slug/edit",
    { config, schema: { params: slugParams, querystring: editQuery } },
    async (request, reply) => {
      const editing = await openEditing(db, request.params.slug, currentSession(request).editor.id);
      const { form, base } = initialForm(editing);
      const { done, revision } = request.query;
      const text =
        done === "published" ? `Published revision ${revision ?? editing.published}.` : done && DONE[done];
      // A draft is shown with what would stop it from publishing, as a warning.
      const problems = editing.draft ? validate(ctx, editing, form) : null;
      return sendEditor(ctx, request, reply, editing, {
        form,
        base,
        notice: text ? { kind: "ok", text } : null,
        problems: problems && !problems.ok ? problems.errors : [],
      });
    },
  );

  api.post(
    "/admin/articles/:slug/edit",
    { config, schema: { params: slugParams, body: articleBody } },
    async (request, reply) => {
      const { editor } = currentSession(request);
      const who = { id: editor.id, email: editor.email };
      const editing = await openEditing(db, request.params.slug, who.id);
      const { base, intent } = request.body;
      const keep = {
        form: formOfBody(request.body),
        base,
        note: (request.body.note ?? "").trim(),
        correction: request.body.correction === "on",
      };
      const sub: Submission = { ctx, request, reply, editing, who, keep };
      if (intent === "discard") {
        await discardDraft(db, editing, who);
        return reply.redirect(`${editUrl(editing)}?done=discarded`, 303);
      }
      if (intent === "preview") return preview(sub);
      if (isStale(editing, base)) return refuseStale(sub);
      if (intent === "save") {
        await saveArticleDraft(db, editing, who, base, keep.form);
        return reply.redirect(`${editUrl(editing)}?done=saved`, 303);
      }
      return publish(sub);
    },
  );

  // The live preview of the editor's script: one section's Markdown, rendered as the site renders it.
  api.post("/admin/api/articles/preview", { config, schema: { body: previewBody } }, async (request) => {
    const rendered = renderSections({ s: request.body.markdown }, ["s"], ctx.content.bibliography);
    return { html: rendered.sections[0]?.html ?? "" };
  });
}
