import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { WebContext } from "../server/compose.js";
import { NO_STORE } from "../web/http.js";

export const CHALLENGE_URL = "/api/v1/altcha/challenge";

/** The ALTCHA widget's files, served from memory under hashed URLs like the site's own. */
interface WidgetAssets {
  script: string;
  css: string;
  worker: string;
  challenge: string;
}

/**
 * The strict-CSP build (`altcha/external`): no inline styles or workers, so its stylesheet and its
 * PBKDF2 worker are separate files that the browser script registers (public/js/30-forms.js).
 */
function addWidgetAssets(ctx: WebContext): WidgetAssets {
  const external = dirname(fileURLToPath(import.meta.resolve("altcha/external")));
  const workers = dirname(fileURLToPath(import.meta.resolve("altcha/workers/pbkdf2")));
  const js = "text/javascript; charset=utf-8";
  return {
    script: ctx.assets.addFile("altcha", join(external, "altcha.min.js"), js),
    css: ctx.assets.addFile("altcha", join(external, "altcha.css"), "text/css; charset=utf-8"),
    worker: ctx.assets.addFile("altcha-pbkdf2", join(workers, "pbkdf2.js"), js),
    challenge: CHALLENGE_URL,
  };
}

/**
 * What the reader forms need at run time, which cannot sit in the article's HTML because that is
 * cached and shared: a CSRF token (its secret goes in an HttpOnly, SameSite=Strict cookie), and a
 * fresh ALTCHA challenge. Both answers are no-store. The token route is open to CORS like every
 * GET of the API, which gives nothing away: a cross-site reader gets neither the cookie (SameSite,
 * and `*` CORS answers are never credentialed) nor a token matching the visitor's secret.
 */
export async function formSecurityRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const widget = addWidgetAssets(ctx);
  const rateLimit = { max: ctx.config.apiRateLimit, timeWindow: "1 minute" };

  app.get(
    "/api/v1/forms/token",
    {
      schema: {
        tags: ["forms"],
        summary:
          "A CSRF token for the reader forms (sets its secret cookie) and the spam-check widget's files",
      },
      config: { rateLimit },
    },
    async (_request, reply) => {
      reply.header("cache-control", NO_STORE);
      return { csrfToken: reply.generateCsrf(), widget };
    },
  );

  app.get(
    CHALLENGE_URL,
    {
      schema: { tags: ["forms"], summary: "A signed ALTCHA proof-of-work challenge for the reader forms" },
      config: { rateLimit },
    },
    async (_request, reply) => {
      reply.header("cache-control", NO_STORE);
      return ctx.altcha.issue();
    },
  );
}
