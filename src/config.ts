import { availableParallelism } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { AppError } from "./errors.js";
import { PROJECT_DIR } from "./paths.js";

/**
 * The one module that reads the environment. Every setting is documented here and in the README;
 * a bad value stops the program at boot with a readable list of problems.
 */
const envSchema = z.object({
  /** `sqlite:<path>` (absolute or relative to the current directory), `sqlite::memory:`, or `postgres://...`. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Port of the web server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address the web server listens on. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** fastify/pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The address readers reach the site at: used in mails, canonical links, the sitemap and feeds. */
  PUBLIC_URL: z.url().optional(),
  /** Signs links in mails (confirm, unsubscribe). Unset: a random key is created once and kept in the database. */
  SECRET_KEY: z.string().min(32, "SECRET_KEY needs at least 32 characters").optional(),
  /** `smtp://user:pass@host:port` (or smtps://). Unset: mails are written as files to OUTBOX_DIR. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  /** Sender of every mail. */
  MAIL_FROM: z.string().min(3).default("INCI Atlas <newsletter@localhost>"),
  /** Folder for mails when no SMTP server is configured. */
  OUTBOX_DIR: z.string().min(1).optional(),
  /**
   * Web server processes sharing the port: a number, or "auto" (one per CPU core). Each behaves
   * like one more instance on the same database (search sync, page cache, per-address limits).
   */
  WEB_CONCURRENCY: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default(1),
  /** Rendered-page cache: "on" (default) or "off" (for benchmarks and debugging). */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  /** Behind a load balancer, trust X-Forwarded-For for per-IP rate limits: "true" or "false". */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** Requests per minute per client address on the JSON API (analyze, compare, search, suggest). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** How often (ms) an instance polls the database for content changes made by other instances. */
  SEARCH_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  /** How often (ms) this instance's outbox worker sends due mails; 0 = this instance sends none. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** ALTCHA proof of work: PBKDF2 iterations per attempt (the spam check on feedback and sign-up). */
  ALTCHA_COST: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  /** ALTCHA proof of work: the solution counter is drawn from [max/2, max]; work = cost x counter. */
  ALTCHA_MAX_COUNTER: z.coerce.number().int().min(2).max(1_000_000).default(5000),
});

export type DatabaseConfig = { dialect: "sqlite"; path: string } | { dialect: "postgres"; url: string };

export interface Config {
  database: DatabaseConfig;
  port: number;
  host: string;
  logLevel: string;
  publicUrl: string;
  secretKey: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  outboxDir: string;
  /** Web server processes (WEB_CONCURRENCY, "auto" resolved to the number of CPU cores). */
  webConcurrency: number;
  pageCache: boolean;
  trustProxy: boolean;
  searchPollMs: number;
  apiRateLimit: number;
  outboxPollMs: number;
  altchaCost: number;
  altchaMaxCounter: number;
}

export const DEFAULT_DATABASE_PATH = resolve(PROJECT_DIR, "data", "inci-atlas.db");

/** Parse a DATABASE_URL value; `cwd` resolves relative SQLite paths. */
export function parseDatabaseUrl(url: string | undefined, cwd: string = process.cwd()): DatabaseConfig {
  if (url === undefined || url === "") return { dialect: "sqlite", path: DEFAULT_DATABASE_PATH };
  if (url === "sqlite::memory:") return { dialect: "sqlite", path: ":memory:" };
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "")
      throw new AppError("invalid_config", "DATABASE_URL sqlite: needs a file path", "DATABASE_URL");
    return { dialect: "sqlite", path: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", url };
  throw new AppError(
    "invalid_config",
    "DATABASE_URL must start with sqlite:, postgres:// or postgresql://",
    "DATABASE_URL",
  );
}

/** The settings of a test or a script: everything at its default except what is given. */
export function testConfig(database: DatabaseConfig, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: "silent" }), database, ...overrides };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const list = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new AppError("invalid_config", `Invalid configuration:\n${list}`);
  }
  return {
    database: parseDatabaseUrl(parsed.data.DATABASE_URL),
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    logLevel: parsed.data.LOG_LEVEL,
    publicUrl: (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, ""),
    secretKey: parsed.data.SECRET_KEY ?? null,
    smtpUrl: parsed.data.SMTP_URL ?? null,
    mailFrom: parsed.data.MAIL_FROM,
    outboxDir: resolve(parsed.data.OUTBOX_DIR ?? resolve(PROJECT_DIR, "data", "outbox")),
    webConcurrency:
      parsed.data.WEB_CONCURRENCY === "auto" ? availableParallelism() : parsed.data.WEB_CONCURRENCY,
    pageCache: parsed.data.PAGE_CACHE === "on",
    trustProxy: parsed.data.TRUST_PROXY === "true",
    searchPollMs: parsed.data.SEARCH_POLL_MS,
    apiRateLimit: parsed.data.API_RATE_LIMIT,
    outboxPollMs: parsed.data.OUTBOX_POLL_MS,
    altchaCost: parsed.data.ALTCHA_COST,
    altchaMaxCounter: parsed.data.ALTCHA_MAX_COUNTER,
  };
}
