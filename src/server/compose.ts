import { resolve } from "node:path";
import { boot, type Context } from "../boot.js";
import type { Config } from "../config.js";
import { PROJECT_DIR } from "../paths.js";
import { Assets } from "../web/assets.js";
import type { Site } from "../web/layout.js";
import { PageCache } from "../web/page-cache.js";

/**
 * The composition root of the web server: everything the routes use, built once at boot
 * (no lazy construction on the first request). `dictionary` may be replaced at run time by the
 * content sync when another instance publishes a change.
 */
export interface WebContext extends Context {
  config: Config;
  site: Site;
  assets: Assets;
  pages: PageCache;
  /** Stop background work (pollers, the outbox worker) before closing the database. */
  stop(): Promise<void>;
}

export async function bootWeb(config: Config, contentDir?: string): Promise<WebContext> {
  const base = await boot(config, contentDir);
  const assets = new Assets(resolve(PROJECT_DIR, "public"));
  const site: Site = { publicUrl: config.publicUrl, cssUrl: assets.css.url, jsUrl: assets.js.url };
  const stoppers: Array<() => Promise<void> | void> = [];
  const ctx: WebContext = {
    ...base,
    config,
    site,
    assets,
    pages: new PageCache(config.pageCache),
    stop: async () => {
      for (const stop of stoppers.reverse()) await stop();
    },
    close: async () => {
      await ctx.stop();
      await base.close();
    },
  };
  return ctx;
}
