/**
 * npm run bench:http: the web server under load, as a reader's browser or a CDN would see it.
 * Builds a throwaway SQLite database (bundled corpus + the shared CosIng inventory and annexes),
 * starts the compiled server (`dist/server/main.js`) in a child process, with one web server
 * process per CPU core as an operator would run it (WEB_CONCURRENCY), and drives it with
 * autocannon from this one. (a) is also measured with a single process, for comparison. Requests rotate across every article slug (>= 300); every request
 * sends the same Accept-Encoding.
 * Maximum throughput is measured with autocannon (closed loop, 50 connections); latency at a fixed
 * rate with an open-loop generator (scripts/lib/fixed-rate.ts) that sends each request when due.
 *   (a) article pages, page cache off: max requests/s, and p99 at a fixed 500 requests/s
 *   (b) the same with the page cache on, against (c) the same server sending a static file of the
 *       same size (precompressed, like the cached page), in the same run
 *   (d) suggest and analyze p99 at a fixed 200 requests/s, inventory imported
 * Targets (issue 4): (a) >= 3,000 req/s and p99 < 20 ms; (b) >= 50 % of (c); (d) p99 < 20 ms;
 * article page weight (HTML + CSS + JS, compressed) < 30 KB, no third-party requests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { sql } from "kysely";
import { PROJECT_DIR } from "../src/paths.js";
import { fixedRate } from "./lib/fixed-rate.js";
import { openTempDictionary } from "./lib/inventory.js";
import { readSephoraLists } from "./lib/real-lists.js";

const ENCODING = "br, gzip";
const HEADERS = { "accept-encoding": ENCODING };
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = 3917;
const BASE = `http://127.0.0.1:${PORT}`;

interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Maximum throughput: autocannon, closed loop, 50 connections unless told. */
async function load(paths: () => string, options: { connections?: number } = {}) {
  const result = await autocannon({
    url: BASE,
    connections: options.connections ?? 50,
    duration: DURATION,
    headers: HEADERS,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths() }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  } satisfies Load;
}

function rotate<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length] as T;
}

/** Web server processes: one per core (WEB_CONCURRENCY=auto), as an operator runs it on this machine. */
const WORKERS = availableParallelism();

async function startServer(
  databasePath: string,
  pageCache: "on" | "off",
  workers = WORKERS,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(PROJECT_DIR, "dist/server/main.js")], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${databasePath}`,
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      PAGE_CACHE: pageCache,
      WEB_CONCURRENCY: String(workers),
      API_RATE_LIMIT: "100000000",
      OUTBOX_DIR: join(PROJECT_DIR, "tmp", "bench-outbox"),
    },
    // The server's log (stdout) would interleave with the report; its stderr still shows crashes.
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/robots.txt`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the server did not start");
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** Compressed bytes of the article page and the CSS and JS it loads; any third-party reference. */
async function pageWeight(slug: string) {
  const html = await (await fetch(`${BASE}/ingredients/${slug}`)).text();
  const assets = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="([^"]+)"/g)].map(
    (m) => m[1] as string,
  );
  const own = assets.filter((a) => a.startsWith("/assets/"));
  const thirdParty = [...html.matchAll(/<(?:script|img|iframe|link)[^>]+(?:src|href)="(https?:)?\/\/[^"]+"/g)]
    .map((m) => m[0])
    .filter((tag) => !/rel="(canonical|alternate)"/.test(tag) && !tag.includes(BASE));
  let gzip = gzipSync(html).length;
  let br = brotliCompressSync(html).length;
  for (const url of own) {
    const body = Buffer.from(await (await fetch(`${BASE}${url}`)).arrayBuffer());
    gzip += gzipSync(body).length;
    br += brotliCompressSync(body).length;
  }
  return { htmlBytes: Buffer.byteLength(html), assets: own, gzipBytes: gzip, brBytes: br, thirdParty };
}

/**
 * The throwaway database (bundled corpus, CosIng inventory, annexes) at `path`; returns the
 * article slugs. The dictionary stays in this function: kept, it would enlarge this process's heap
 * and lengthen its GC pauses, which the fixed-rate runs would count as server latency.
 */
async function buildDatabase(path: string): Promise<string[]> {
  const temp = await openTempDictionary(true);
  const articleSlugs = temp.dictionary.ingredients.filter((i) => i.hasArticle).map((i) => i.slug);
  mkdirSync(join(PROJECT_DIR, "tmp"), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  await sql`vacuum into ${path}`.execute(temp.database.db);
  await temp.close();
  return articleSlugs;
}

const databasePath = join(PROJECT_DIR, "tmp", "bench-http.db");
const slugs = await buildDatabase(databasePath);
if (slugs.length < 300) throw new Error(`only ${slugs.length} articles: the bench needs >= 300`);
const articlePaths = rotate(slugs.map((s) => `/ingredients/${s}`));

// (a) page cache off: in one process first (for comparison), then one process per core
let server = await startServer(databasePath, "off", 1);
await load(articlePaths, { connections: 10 }); // warm-up (JIT, SQLite page cache)
const uncachedMaxOneProcess = await load(articlePaths);
await stopServer(server);
server = await startServer(databasePath, "off");
await load(articlePaths, { connections: 10 });
const uncachedMax = await load(articlePaths);
const uncachedFixed = await fixedRate(BASE, 500, DURATION, () => ({
  path: articlePaths(),
  headers: HEADERS,
}));
const weight = await pageWeight("human-amniotic-membrane-stem-cell-conditioned-media");
await stopServer(server);

// (b) and (c): page cache on, and a static file of the same size from the same server
server = await startServer(databasePath, "on");
const sample = await (await fetch(`${BASE}/ingredients/${slugs[0]}`)).text();
const staticDir = join(PROJECT_DIR, "public", "static", "bench");
mkdirSync(staticDir, { recursive: true });
const staticName = "same-size.html";
writeFileSync(join(staticDir, staticName), sample);
writeFileSync(join(staticDir, `${staticName}.gz`), gzipSync(sample, { level: 9 }));
writeFileSync(join(staticDir, `${staticName}.br`), brotliCompressSync(sample));
for (const slug of slugs)
  await fetch(`${BASE}/ingredients/${slug}`, { headers: { "accept-encoding": ENCODING } });
const cachedMax = await load(articlePaths);
const staticMax = await load(() => `/static/bench/${staticName}`);
rmSync(staticDir, { recursive: true, force: true });

// (d) suggest and analyze at 200 requests/s
const prefixes = rotate(slugs.flatMap((s) => [s.slice(0, 3), s.slice(0, 6).replace(/-/g, " ")]));
const lists = rotate(readSephoraLists().map((l) => JSON.stringify({ text: l.text.slice(0, 20_000) })));
const suggestRequest = () => ({
  path: `/api/v1/suggest?q=${encodeURIComponent(prefixes())}`,
  headers: HEADERS,
});
const analyzeRequest = () => ({
  path: "/api/v1/analyze",
  method: "POST" as const,
  body: lists(),
  headers: { ...HEADERS, "content-type": "application/json" },
});
// Warm-up (JIT) for 2 s each; the measured runs continue the rotation, so every measured label is
// new to the server (no label-cache hits) and most suggest prefixes are too.
await fixedRate(BASE, 200, 2, suggestRequest);
const suggest = await fixedRate(BASE, 200, DURATION, suggestRequest);
await fixedRate(BASE, 200, 2, analyzeRequest);
const analyze = await fixedRate(BASE, 200, DURATION, analyzeRequest);
await stopServer(server);

const report = {
  articles: slugs.length,
  acceptEncoding: ENCODING,
  secondsPerRun: DURATION,
  webConcurrency: WORKERS,
  a: { uncachedMax, uncachedAt500: uncachedFixed, uncachedMaxOneProcess },
  b: { cachedMax },
  c: {
    staticMax,
    cachedShareOfStatic: Math.round((cachedMax.requestsPerSecond / staticMax.requestsPerSecond) * 100) / 100,
  },
  d: { suggestAt200: suggest, analyzeAt200: analyze },
  pageWeight: weight,
  targets: {
    "a: >= 3000 req/s": uncachedMax.requestsPerSecond >= 3000,
    "a: p99 < 20 ms at 500 req/s": uncachedFixed.p99Ms < 20,
    "b: >= 50 % of c": cachedMax.requestsPerSecond >= 0.5 * staticMax.requestsPerSecond,
    "d: suggest p99 < 20 ms": suggest.p99Ms < 20,
    "d: analyze p99 < 20 ms": analyze.p99Ms < 20,
    "page weight < 30 KB": weight.brBytes < 30 * 1024 && weight.gzipBytes < 30 * 1024,
    "no third-party requests": weight.thirdParty.length === 0,
  },
};
writeFileSync(join(PROJECT_DIR, "reports", "bench-http.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
