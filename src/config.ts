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
});

export type DatabaseConfig = { dialect: "sqlite"; path: string } | { dialect: "postgres"; url: string };

export interface Config {
  database: DatabaseConfig;
  port: number;
  host: string;
  logLevel: string;
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
  };
}
