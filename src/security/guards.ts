import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

/**
 * A text input hidden by CSS (public/css/30-forms.css) that people never see and so leave empty;
 * form-filling bots tend to fill it. A filled one gets the usual answer, and nothing is stored.
 */
export const HONEYPOT_FIELD = "website";

export function isHoneypotFilled(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

function crossSite(): AppError {
  return new AppError("csrf_invalid", "This form was sent from another site, so we did not accept it.");
}

/**
 * A second layer beside the CSRF token: refuse a post that a browser marks as coming from another
 * site. Sec-Fetch-Site, when sent (every current browser), decides. Otherwise the Origin must be
 * the public address or the address the request was sent to (a LAN, or a proxy that rewrites the
 * host). Origin "null" is not proof of anything: with this site's `Referrer-Policy: no-referrer`,
 * browsers send it on their own same-origin form posts. Requests with neither header (old
 * browsers, scripts) pass here and face the token, or the JSON rule below.
 */
export function sameOriginCheck(publicUrl: string): Hook {
  const site = new URL(publicUrl).origin;
  return async (request) => {
    const fetchSite = request.headers["sec-fetch-site"];
    if (fetchSite !== undefined) {
      if (fetchSite !== "same-origin" && fetchSite !== "none") throw crossSite();
      return;
    }
    const origin = request.headers.origin;
    if (origin === undefined || origin === "null") return;
    if (origin !== site && origin !== `${request.protocol}://${request.host}`) throw crossSite();
  };
}

/**
 * The JSON API's form routes need no CSRF token: scripts calling the API hold no cookie, and a
 * browser page on another site cannot send `Content-Type: application/json` across origins without
 * a CORS preflight, which this server refuses for anything but GET. So a JSON post must really be
 * JSON (a form-encoded body would skip the preflight); its Origin is still checked, and every
 * submission still needs a solved ALTCHA challenge.
 */
export const requireJsonBody: Hook = async (request) => {
  const type = String(request.headers["content-type"] ?? "");
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError("bad_input", "Send a JSON body with Content-Type: application/json.");
  }
};

/**
 * A per-client-address limit shared by the routes given the returned hook (the HTML form and its
 * JSON twin count together), from @fastify/rate-limit's in-memory store: per instance, so behind
 * a load balancer of N instances a client gets at most N times the limit.
 */
export function addressLimit(app: FastifyInstance, max: number, timeWindow: string, what: string): Hook {
  const limit = app.createRateLimit({ max, timeWindow });
  return async (request, reply) => {
    const result = await limit(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header("retry-after", String(result.ttlInSeconds));
    throw new AppError(
      "too_many_requests",
      `Too many ${what} from your address: please try again in ${Math.ceil(result.ttlInSeconds / 60)} minutes.`,
    );
  };
}
