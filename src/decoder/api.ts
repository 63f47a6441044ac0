import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { analyzeText } from "../analyzer/service.js";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";

/** A label over HTTP: at most 20,000 characters (the CLI takes more). */
export const MAX_HTTP_LABEL_CHARS = 20_000;

const claims = z.array(z.string().max(40)).max(20).optional();
const analyzeBody = z.strictObject({ text: z.string(), claims });
const compareBody = z.strictObject({ a: z.string(), b: z.string() });

/** Refuse an over-long label with 413 and the field it came in. */
export function checkLabelLength(text: string, field: string): void {
  if (text.length > MAX_HTTP_LABEL_CHARS) {
    throw new AppError(
      "label_too_long",
      `An ingredient list can be at most ${MAX_HTTP_LABEL_CHARS.toLocaleString("en")} characters here (this one has ${text.length.toLocaleString("en")}).`,
      field,
    );
  }
}

export async function analyzerRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: ctx.config.apiRateLimit, timeWindow: "1 minute" };

  api.post(
    "/api/v1/analyze",
    {
      schema: {
        tags: ["decoder"],
        summary: "Decode an ingredient list (the CLI's --json object)",
        body: analyzeBody,
      },
      config: { rateLimit },
    },
    async (request) => {
      checkLabelLength(request.body.text, "text");
      return analyzeText(ctx.dictionary, request.body.text, request.body.claims ?? []);
    },
  );

  api.post(
    "/api/v1/compare",
    {
      schema: { tags: ["decoder"], summary: "Compare two ingredient lists", body: compareBody },
      config: { rateLimit },
    },
    async (request) => {
      checkLabelLength(request.body.a, "a");
      checkLabelLength(request.body.b, "b");
      return compareLabels(ctx, request.body.a, request.body.b);
    },
  );
}

/** Both analyses, and which recognised ingredients (by slug) they share or hold alone, in list order. */
export function compareLabels(ctx: WebContext, a: string, b: string) {
  const left = analyzeText(ctx.dictionary, a, []);
  const right = analyzeText(ctx.dictionary, b, []);
  const slugs = (result: typeof left) => [
    ...new Set(result.entries.flatMap((e) => (e.slug ? [e.slug] : []))),
  ];
  const inA = slugs(left);
  const inB = slugs(right);
  const setA = new Set(inA);
  const setB = new Set(inB);
  return {
    a: left,
    b: right,
    shared: inA.filter((s) => setB.has(s)),
    onlyA: inA.filter((s) => !setB.has(s)),
    onlyB: inB.filter((s) => !setA.has(s)),
  };
}
