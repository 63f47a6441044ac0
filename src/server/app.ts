import { resolve } from "node:path";
import { constants } from "node:zlib";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import cors from "@fastify/cors";
import csrfProtection from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { correctionRoutes } from "../corrections/pages.js";
import { analyzerRoutes } from "../decoder/api.js";
import { decoderPageRoutes } from "../decoder/pages.js";
import { adminRoutes } from "../editors/routes.js";
import { AppError } from "../errors.js";
import { feedbackRoutes } from "../feedback/routes.js";
import { ingredientApiRoutes } from "../ingredients/api.js";
import { ingredientPageRoutes } from "../ingredients/pages.js";
import { dataRightsRoutes } from "../newsletter/data-rights-routes.js";
import { newsletterRoutes } from "../newsletter/routes.js";
import { PROJECT_DIR } from "../paths.js";
import { searchRoutes } from "../search/routes.js";
import { formSecurityRoutes } from "../security/routes.js";
import { siteRoutes } from "../site/routes.js";
import { renderErrorPage } from "../web/error-pages.js";
import { compressStringBody, sendAsset } from "../web/http.js";
import type { WebContext } from "./compose.js";
import { docsRoutes } from "./docs.js";

/** Request bodies: a 20,000-character label is at most 80 KB of UTF-8; forms are smaller. */
const BODY_LIMIT = 128 * 1024;

/** JSON answers, errors included: the public API and the admin area's own API. */
function isApi(url: string): boolean {
  return url.startsWith("/api/") || url.startsWith("/admin/api/");
}

/**
 * The web server: security headers, compression, rate limits and error pages here; each feature
 * registers its own routes (pages and JSON API) from its folder.
 */
export async function buildServer(ctx: WebContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    // A shareable decoder address carries the whole label: 20,000 characters percent-encoded can
    // pass Node's default 16 KB header limit.
    http: { maxHeaderSize: 128 * 1024 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        // Self-hosters may serve plain HTTP on a LAN; TLS and its upgrades belong to their proxy.
        "upgrade-insecure-requests": null,
      },
    },
    // Pages are served over plain HTTP on localhost too; HSTS belongs to the TLS terminator.
    hsts: false,
  });
  // Before @fastify/compress, so that string bodies are compressed synchronously (see there).
  app.addHook("onSend", compressStringBody);
  await app.register(compress, {
    // JSON and other dynamic answers: the fastest levels, as for pages (measurements at
    // compressFast in web/http.ts). Cached pages and assets come precompressed.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    threshold: 1024,
  });
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(cookie);
  // The reader forms' CSRF secret: HttpOnly, SameSite=Strict, Secure when the site is served over
  // HTTPS. Checked in each form route's preValidation (the form body is parsed by then).
  await app.register(csrfProtection, {
    cookieOpts: {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: ctx.config.publicUrl.startsWith("https:"),
    },
  });
  await app.register(rateLimit, { global: false });
  // CORS on the public GET endpoints of the API only: other sites may read, not write.
  await app.register(cors, {
    delegator: (request, callback) => {
      // The public API only: never the admin area's.
      const open =
        request.url.startsWith("/api/") && (request.method === "GET" || request.method === "OPTIONS");
      callback(null, { origin: open ? "*" : false, methods: ["GET"] });
    },
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error(error);
    if (isApi(request.url) || request.headers.accept === "application/json") {
      return reply
        .status(appError.status)
        .send({ error: { code: appError.code, message: appError.message, field: appError.field } });
    }
    return reply
      .status(appError.status)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(renderErrorPage(ctx.site, appError));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError("not_found", "There is no page at this address.");
    if (isApi(request.url)) {
      return reply.status(404).send({ error: { code: error.code, message: error.message } });
    }
    return reply.status(404).type("text/html; charset=utf-8").send(renderErrorPage(ctx.site, error));
  });

  // Plain files (public/static): served precompressed when a .br or .gz sits beside them.
  await app.register(fastifyStatic, {
    root: resolve(PROJECT_DIR, "public", "static"),
    prefix: "/static/",
    preCompressed: true,
    maxAge: "1h",
  });
  app.get<{ Params: { file: string } }>("/assets/:file", async (request, reply) => {
    const asset = ctx.assets.find(`/assets/${request.params.file}`);
    if (!asset) throw new AppError("not_found", "No such file.");
    return sendAsset(request, reply, asset);
  });

  await docsRoutes(app);
  await ingredientApiRoutes(app, ctx);
  await ingredientPageRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await siteRoutes(app, ctx);
  await correctionRoutes(app, ctx);
  await analyzerRoutes(app, ctx);
  await formSecurityRoutes(app, ctx);
  await feedbackRoutes(app, ctx);
  await newsletterRoutes(app, ctx);
  await dataRightsRoutes(app, ctx);
  ctx.mail.attachLogger(app.log);
  app.log.info(`mail: ${ctx.mail.description}`);
  await decoderPageRoutes(app, ctx);
  await adminRoutes(app, ctx);
  return app;
}

/** Map any thrown error to the application's error: stable code, status, message, field. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const field = first?.instancePath.replace(/^\//, "").replace(/\//g, ".") || undefined;
    return new AppError("bad_input", `${field ? `${field}: ` : ""}${first?.message ?? "bad request"}`, field);
  }
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  const code = (error as { code?: string }).code;
  if (status === 413) return new AppError("too_large", "The request body is too large.");
  if (status === 429) return new AppError("too_many_requests", "Too many requests: please wait a minute.");
  if (code === "FST_CSRF_INVALID_TOKEN" || code === "FST_CSRF_MISSING_SECRET")
    return new AppError("csrf_invalid", "The form expired or came from another site: reload the page.");
  if (status === 404) return new AppError("not_found", "Not found.");
  if (status >= 400 && status < 500) return new AppError("bad_input", (error as Error).message);
  return new AppError("internal", "Something went wrong on our side. It has been logged.");
}
