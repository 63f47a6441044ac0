import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { csrfField, idParams } from "../editors/admin-http.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { getIssue } from "./issue-compose.js";
import { attempt, backgrounds, tokenBody } from "./issue-http.js";
import { BackgroundSends } from "./send-background.js";
import { leaseHolder } from "./send-lock.js";
import { resolveUncertain } from "./send-uncertain.js";

const sendBody = z.strictObject({ confirm: z.literal("yes"), _csrf: csrfField });
const recipientParams = idParams.extend({ recipient: idParams.shape.id });

/** Admins only: send (or resume) an issue to every confirmed subscriber, and decide uncertain recipients. */
export async function issueSendRoutes(area: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = area.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const config = { role: "admin" as const };
  const { publicUrl, mailFrom } = ctx.config;
  const deps = { db, transport: ctx.mail.transport, signer: ctx.signer, publicUrl, mailFrom };
  const sends = new BackgroundSends(deps, area.log);
  backgrounds.set(ctx, sends);
  area.addHook("onClose", () => sends.stop());

  api.post(
    "/admin/newsletter/:id/send",
    { config, schema: { params: idParams, body: sendBody } },
    (request, reply) =>
      attempt(ctx, request, reply, request.params.id, async (actor) => {
        const issue = await getIssue(db, request.params.id);
        // Refused at once when another instance sends it (the lease would refuse the run anyway).
        const holder = await leaseHolder(db, issue.id, new Date());
        if (holder && !sends.isRunning(issue.id)) {
          throw new AppError(
            "newsletter_busy",
            `This issue is being sent by another instance (${holder.sender}).`,
          );
        }
        sends.start(issue.id, actor);
        return issue.status === "draft" ? "sending" : "resumed";
      }),
  );

  for (const action of ["resend", "skip"] as const) {
    api.post(
      `/admin/newsletter/:id/recipients/:recipient/${action}`,
      { config, schema: { params: recipientParams, body: tokenBody } },
      (request, reply) =>
        attempt(ctx, request, reply, request.params.id, async (actor) => {
          const { id, recipient } = request.params;
          await resolveUncertain(db, { issueId: id, recipient: { id: recipient }, action, actor });
          if (action === "skip") return "skipped";
          sends.start(id, actor);
          return "resent";
        }),
    );
  }
}
