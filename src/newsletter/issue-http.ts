import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { adminView, csrfField, sendAdminPage } from "../editors/admin-http.js";
import { currentSession } from "../editors/guard.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { getIssue } from "./issue-compose.js";
import { renderDraftPage } from "./issue-edit-views.js";
import { type IssueFlash, renderProgressPage } from "./issue-views.js";
import type { BackgroundSends } from "./send-background.js";
import { leaseHolder } from "./send-lock.js";
import { sendReport } from "./send-service.js";

/** What the newsletter's admin route modules share: the issue page, the change-and-redirect step. */

export const DONE = ["saved", "test", "sending", "resent", "skipped", "resumed"] as const;
export type Done = (typeof DONE)[number];
export const tokenBody = z.strictObject({ _csrf: csrfField });

/** The background sends of each app (one per WebContext), reachable by tests to wait for them. */
export const backgrounds = new WeakMap<WebContext, BackgroundSends>();
export const backgroundSendsOf = (ctx: WebContext) => backgrounds.get(ctx);

export async function confirmedCount(ctx: WebContext): Promise<number> {
  const row = await ctx.database.db
    .selectFrom("subscribers")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("status", "=", "confirmed")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A draft shows its edit form; an issue whose send has begun shows its progress and uncertain rows. */
export async function renderIssue(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  flash: IssueFlash,
  status = 200,
) {
  const issue = await getIssue(ctx.database.db, id);
  const view = adminView(ctx, request, reply);
  if (issue.status === "draft") {
    const page = renderDraftPage(view, issue, await confirmedCount(ctx), flash);
    return sendAdminPage(request, reply, page, status);
  }
  const report = await sendReport(ctx.database, id);
  const holder = await leaseHolder(ctx.database.db, id, new Date());
  return sendAdminPage(request, reply, renderProgressPage({ view, issue, report, holder, flash }), status);
}

/** Run a change and go back to the issue; a refusal a person can fix is shown on its page. */
export async function attempt(
  ctx: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  change: (actor: string) => Promise<Done>,
) {
  try {
    const done = await change(currentSession(request).editor.email);
    return reply.redirect(`/admin/newsletter/${id}?done=${done}`, 303);
  } catch (error) {
    if (!(error instanceof AppError) || !error.isInputError || error.code === "not_found") throw error;
    return renderIssue(ctx, request, reply, id, { error: error.message }, error.status);
  }
}
