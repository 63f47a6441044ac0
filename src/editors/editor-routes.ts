import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { changeRole, createEditor, getEditor, listEditors, ROLES, setDisabled } from "./accounts.js";
import { adminView, csrfField, idParams, sendAdminPage } from "./admin-http.js";
import { type Flash, renderEditorsPage } from "./editor-views.js";
import { currentSession } from "./guard.js";
import { issueSetPasswordLink } from "./links.js";

const createBody = z.strictObject({ email: z.string().max(1000), role: z.enum(ROLES), _csrf: csrfField });
const roleBody = z.strictObject({ role: z.enum(ROLES), _csrf: csrfField });
const tokenBody = z.strictObject({ _csrf: csrfField });

async function render(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  flash: Flash,
  status = 200,
) {
  const view = adminView(ctx, request, reply);
  const editors = await listEditors(ctx.database.db);
  return sendAdminPage(request, reply, renderEditorsPage(view, editors, flash), status);
}

/**
 * Run a change, then back to the list (or the list with a link to show once). A refusal a person
 * can fix (bad address, duplicate, last admin) is shown on the page with its status.
 */
async function attempt(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  change: (actor: string, now: Date) => Promise<Flash | undefined>,
) {
  try {
    const flash = await change(currentSession(request).editor.email, new Date());
    return flash ? render(ctx, request, reply, flash) : reply.redirect("/admin/editors", 303);
  } catch (error) {
    if (!(error instanceof AppError) || !error.isInputError || error.code === "not_found") throw error;
    return render(ctx, request, reply, { error: error.message }, error.status);
  }
}

/** /admin/editors: admins list, create, re-role, disable and enable editors, and issue links. */
export async function editorPageRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const config = { role: "admin" as const };
  const withId = { params: idParams, body: tokenBody };

  api.get("/admin/editors", { config }, (request, reply) => render(ctx, request, reply, {}));

  api.post("/admin/editors", { config, schema: { body: createBody } }, (request, reply) =>
    attempt(ctx, request, reply, async (actor, now) => {
      const editor = await createEditor(db, request.body, actor, now);
      const link = await issueSetPasswordLink(db, ctx.config.publicUrl, editor, actor, now);
      return { link: { email: editor.email, ...link } };
    }),
  );

  api.post(
    "/admin/editors/:id/role",
    { config, schema: { params: idParams, body: roleBody } },
    (request, reply) =>
      attempt(ctx, request, reply, async (actor, now) => {
        await changeRole(db, request.params.id, request.body.role, actor, now);
        return undefined;
      }),
  );

  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    api.post(`/admin/editors/:id/${path}`, { config, schema: withId }, (request, reply) =>
      attempt(ctx, request, reply, async (actor, now) => {
        await setDisabled(db, request.params.id, disabled, actor, now);
        return undefined;
      }),
    );
  }

  api.post("/admin/editors/:id/link", { config, schema: withId }, (request, reply) =>
    attempt(ctx, request, reply, async (actor, now) => {
      const editor = await getEditor(db, request.params.id);
      const link = await issueSetPasswordLink(db, ctx.config.publicUrl, editor, actor, now);
      return { link: { email: editor.email, ...link } };
    }),
  );
}
