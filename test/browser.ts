import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, describe } from "node:test";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { type Config, testConfig } from "../src/config.js";
import { PROJECT_DIR } from "../src/paths.js";
import { buildServer } from "../src/server/app.js";
import { bootWeb, type WebContext } from "../src/server/compose.js";
import { createSqliteDatabase, type TestDatabase } from "./databases.js";
import { freePort } from "./ports.js";
import { smallCorpus, TEST_SLUGS } from "./web.js";

/** Debian's Chromium (apt package `chromium`); never a downloaded browser. */
export const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
/** `.ci/run` sets REQUIRE_BROWSER=1: there a missing Chromium fails instead of skipping. */
const REQUIRED = process.env.REQUIRE_BROWSER === "1";

/** Screenshots and other artefacts of the browser journeys. */
export const TEST_OUTPUT = join(PROJECT_DIR, "test-output");

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserTest {
  browser: Browser;
  baseUrl: string;
  ctx: WebContext;
  app: FastifyInstance;
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
}

/**
 * Browser journeys: the real app listening on a random port (SQLite, small corpus) and Debian's
 * Chromium driven by playwright-core. Without Chromium the suite is reported skipped, by name,
 * unless REQUIRE_BROWSER=1.
 */
export function describeInBrowser(
  title: string,
  suite: (t: () => BrowserTest) => void,
  overrides: Partial<Config> = {},
): void {
  if (!HAS_CHROMIUM && REQUIRED) throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing`);
  describe(`${title} [chromium]`, { skip: HAS_CHROMIUM ? false : `${CHROMIUM} is not installed` }, () => {
    let state: BrowserTest | undefined;
    let database: TestDatabase | undefined;
    let corpus: ReturnType<typeof smallCorpus> | undefined;
    before(async () => {
      mkdirSync(TEST_OUTPUT, { recursive: true });
      corpus = smallCorpus(TEST_SLUGS);
      database = createSqliteDatabase();
      // The public URL goes into mails and canonical links at boot: choose the port first.
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const config = testConfig(database.config, { pageCache: false, publicUrl: baseUrl, ...overrides });
      const ctx = await bootWeb(config, corpus.dir);
      const app = await buildServer(ctx);
      await app.listen({ port, host: "127.0.0.1" });
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      state = {
        browser,
        baseUrl,
        ctx,
        app,
        newPage: async ({ width = 1280, height = 900 } = {}) => {
          const page = await browser.newPage({ viewport: { width, height } });
          // Generous: the suite runs beside CPU-heavy tests (argon2, the newsletter crash test).
          page.setDefaultTimeout(30_000);
          return page;
        },
      };
    });
    after(async () => {
      await state?.browser.close();
      await state?.app.close();
      await state?.ctx.close();
      await database?.drop();
      corpus?.remove();
    });
    suite(() => {
      if (!state) throw new Error("the browser suite did not start");
      return state;
    });
  });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's WCAG 2 A and AA checks on the page as it is; returns serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the site's CSP (script-src 'self') would block an inline tag.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run({ runOnly: ["wcag2a", "wcag2aa"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
