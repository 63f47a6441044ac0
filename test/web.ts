import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import type { FastifyInstance } from "fastify";
import { type Config, testConfig } from "../src/config.js";
import { CONTENT_DIR } from "../src/paths.js";
import { buildServer } from "../src/server/app.js";
import { bootWeb, type WebContext } from "../src/server/compose.js";
import { describeEachDatabase, type TestDatabase } from "./databases.js";

/**
 * A corpus of the named entries and, transitively, the entries they list as related (a corpus
 * must be closed under `related`): loading all 2,400 entries into a fresh database per suite would
 * cost seconds, and the HTTP tests need variety, not volume. About 70 entries for TEST_SLUGS.
 */
export function smallCorpus(slugs: readonly string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "inci-atlas-corpus-"));
  for (const name of readdirSync(CONTENT_DIR)) {
    if (name !== "ingredients") cpSync(join(CONTENT_DIR, name), join(dir, name), { recursive: true });
  }
  mkdirSync(join(dir, "ingredients"));
  const wanted = new Set<string>();
  const queue = [...slugs];
  for (let slug = queue.pop(); slug !== undefined; slug = queue.pop()) {
    if (wanted.has(slug)) continue;
    wanted.add(slug);
    const text = readFileSync(join(CONTENT_DIR, "ingredients", `${slug}.md`), "utf8");
    const related = /^related:\s*\[(.*?)\]/m.exec(text)?.[1] ?? "";
    queue.push(
      ...related
        .split(",")
        .map((r) => r.trim())
        .filter((r) => r !== ""),
    );
  }
  for (const slug of wanted) {
    cpSync(join(CONTENT_DIR, "ingredients", `${slug}.md`), join(dir, "ingredients", `${slug}.md`));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Slugs every HTTP suite can rely on. */
export const TEST_SLUGS = [
  "aqua",
  "glycerin",
  "parfum",
  "niacinamide",
  "tocopherol",
  "titanium-dioxide",
  "human-amniotic-membrane-stem-cell-conditioned-media",
  "sodium-laureth-sulfate",
  "sodium-lauryl-sulfate",
  "limonene",
  "linalool",
  "phenoxyethanol",
  "retinol",
  "salicylic-acid",
  "cocos-nucifera-oil",
  "squalane",
  "dimethicone",
  "butyrospermum-parkii-butter",
  "sodium-hyaluronate",
];

export interface WebTest {
  ctx: WebContext;
  app: FastifyInstance;
  database: TestDatabase;
}

/**
 * The same suite against the real app in-process, once on SQLite and once on PostgreSQL (when
 * TEST_POSTGRES_URL is set), each on a fresh database loaded with a small corpus.
 */
export function describeEachWeb(
  title: string,
  suite: (web: () => WebTest) => void,
  overrides: Partial<Config> = {},
): void {
  describeEachDatabase(title, (make) => {
    let state: WebTest | undefined;
    let corpus: ReturnType<typeof smallCorpus> | undefined;
    before(async () => {
      corpus = smallCorpus(TEST_SLUGS);
      const database = await make();
      const ctx = await bootWeb(testConfig(database.config, { pageCache: false, ...overrides }), corpus.dir);
      const app = await buildServer(ctx);
      state = { ctx, app, database };
    });
    after(async () => {
      if (state) {
        await state.app.close();
        await state.ctx.close();
        await state.database.drop();
      }
      corpus?.remove();
    });
    suite(() => {
      if (!state) throw new Error("the web suite did not boot");
      return state;
    });
  });
}
