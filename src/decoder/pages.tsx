import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { CLAIMS, isClaim } from "../analyzer/claims.js";
import { analyzeText } from "../analyzer/service.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { NO_STORE, SHORT_CACHE, sendPage } from "../web/http.js";
import { makePage } from "../web/page-cache.js";
import { checkLabelLength, compareLabels } from "./api.js";
import { renderComparePage } from "./compare-page.js";
import { renderDecodePage } from "./decode-page.js";

const claim = z.string().max(40);
/**
 * Query shapes. Not strict: shared links pick up tracking parameters (utm_*, fbclid) on the way,
 * and a link that worked must keep working; unknown parameters are dropped, never used.
 * The label length is checked by hand so that an over-long label gets the decoder back with a
 * friendly 413 rather than a bare validation error.
 */
const decodeQuery = z.object({
  text: z.string().optional(),
  // One checked box arrives as a string, several as an array.
  claims: z.union([claim, z.array(claim).max(CLAIMS.length)]).optional(),
});
const compareQuery = z.object({ a: z.string().optional(), b: z.string().optional() });

function claimList(value: string | string[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const unknown = list.filter((c) => !isClaim(c));
  if (unknown.length > 0) {
    throw new AppError("bad_input", `Unknown claim; known claims: ${CLAIMS.join(", ")}.`, "claims");
  }
  return [...new Set(list)];
}

/** The label-length error to show on the page, or undefined when every label fits. */
function lengthError(labels: ReadonlyArray<readonly [string, string]>): AppError | undefined {
  try {
    for (const [text, field] of labels) checkLabelLength(text, field);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

export async function decoderPageRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Decoding costs CPU: the same per-IP budget as the JSON API.
  const rateLimit = { max: ctx.config.apiRateLimit, timeWindow: "1 minute" };

  api.get(
    "/decode",
    { schema: { querystring: decodeQuery }, config: { rateLimit } },
    async (request, reply) => {
      const text = request.query.text ?? "";
      const claims = claimList(request.query.claims);
      if (text.trim() === "" && claims.length === 0) {
        const page = await ctx.pages.get("/decode", () => renderDecodePage(ctx.site, { text: "", claims }));
        return sendPage(request, reply, page);
      }
      const error = lengthError([[text, "text"]]);
      if (error) {
        const html = renderDecodePage(ctx.site, { text, claims, error });
        return sendPage(request, reply, makePage(html), NO_STORE, error.status);
      }
      const analysis = text.trim() === "" ? undefined : analyzeText(ctx.dictionary, text, claims);
      return sendPage(
        request,
        reply,
        makePage(renderDecodePage(ctx.site, { text, claims, analysis })),
        SHORT_CACHE,
      );
    },
  );

  api.get(
    "/compare",
    { schema: { querystring: compareQuery }, config: { rateLimit } },
    async (request, reply) => {
      const a = request.query.a ?? "";
      const b = request.query.b ?? "";
      const nameOf = (slug: string) => ctx.dictionary.findBySlug(slug)?.name ?? slug;
      if (a.trim() === "" && b.trim() === "") {
        const page = await ctx.pages.get("/compare", () => renderComparePage(ctx.site, { a, b }, nameOf));
        return sendPage(request, reply, page);
      }
      const error = lengthError([
        [a, "a"],
        [b, "b"],
      ]);
      if (error) {
        const html = renderComparePage(ctx.site, { a, b, error }, nameOf);
        return sendPage(request, reply, makePage(html), NO_STORE, error.status);
      }
      const result = compareLabels(ctx, a, b);
      return sendPage(
        request,
        reply,
        makePage(renderComparePage(ctx.site, { a, b, result }, nameOf)),
        SHORT_CACHE,
      );
    },
  );
}
