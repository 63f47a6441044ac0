import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Asset } from "./assets.js";
import { etagOf, type RenderedPage } from "./page-cache.js";

/** Public pages: a CDN may keep them a minute and serve a stale copy while it revalidates. */
export const PUBLIC_PAGE_CACHE = "public, max-age=60, stale-while-revalidate=600";
/** Pages that depend on the request (search results, a decoded list): short, shared. */
export const SHORT_CACHE = "public, max-age=30";
export const NO_STORE = "no-store";

const COMPRESS_FROM = 1024;

/**
 * A page rendered for one request is compressed here, synchronously and at the fastest levels
 * (brotli 0, gzip 1): measured on a 19 KB article, brotli 0 took half the time of brotli 1 for the
 * same size (7.0 KB; gzip 1: 6.7 KB in the time of brotli 0), brotli 4 four times brotli 1 for
 * 13 % fewer bytes, and the stream machinery of @fastify/compress added more. Cached pages keep
 * their once-made best compression.
 */
function compressFast(html: string, encoding: "br" | "gzip"): Buffer {
  return encoding === "br"
    ? brotliCompressSync(html, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 0,
          [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(html),
        },
      })
    : gzipSync(html, { level: 1 });
}

const COMPRESSIBLE = /^(application\/(json|xml|atom\+xml)|text\/)/;

/**
 * An onSend hook, registered before @fastify/compress: a string body is compressed here,
 * synchronously and at the fastest level, and @fastify/compress then leaves it alone. Its
 * streams sent answers to the analyze API up to 80 ms after the handler had finished (measured
 * at 200 requests/s on 2 cores); streamed bodies (static files, the API docs) still go through it.
 */
export async function compressStringBody(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (typeof payload !== "string" || payload.length < COMPRESS_FROM) return payload;
  if (reply.getHeader("content-encoding")) return payload;
  // A route that opts out (`config: { compress: false }`, beside @fastify/compress's own option).
  if ((request.routeOptions.config as { compress?: boolean }).compress === false) return payload;
  if (!COMPRESSIBLE.test(String(reply.getHeader("content-type") ?? ""))) return payload;
  const encoding = pickEncoding(request);
  if (!encoding) return payload;
  reply.header("content-encoding", encoding).header("vary", "accept-encoding").removeHeader("content-length");
  return compressFast(payload, encoding);
}

function pickEncoding(request: FastifyRequest): "br" | "gzip" | null {
  const accept = String(request.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return null;
}

function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  return header?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag) ?? false;
}

/**
 * Send an HTML page with its ETag and Cache-Control, answering 304 to a matching If-None-Match.
 * A cached page goes out in its stored compressed form with its stored ETag; other pages are
 * compressed here, and their ETag is that of the bytes sent (one per encoding).
 */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: RenderedPage,
  cacheControl = PUBLIC_PAGE_CACHE,
  status = 200,
): FastifyReply {
  const encoding = pickEncoding(request);
  const stored = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : undefined;
  let body: string | Buffer = page.html;
  if (encoding && stored) body = stored;
  else if (encoding && page.html.length >= COMPRESS_FROM) body = compressFast(page.html, encoding);
  const etag = page.etag ?? etagOf(body);
  reply.header("cache-control", cacheControl).header("etag", etag).header("vary", "accept-encoding");
  if (status === 200 && notModified(request, etag)) return reply.code(304).send();
  reply.code(status).type("text/html; charset=utf-8");
  if (body !== page.html) reply.header("content-encoding", encoding);
  return reply.send(body);
}

export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset): FastifyReply {
  reply
    .header("cache-control", "public, max-age=31536000, immutable")
    .header("etag", asset.etag)
    .header("vary", "accept-encoding")
    .type(asset.type);
  if (notModified(request, asset.etag)) return reply.code(304).send();
  const encoding = pickEncoding(request);
  if (encoding) return reply.header("content-encoding", encoding).send(asset[encoding]);
  return reply.send(asset.body);
}
