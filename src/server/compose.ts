import { resolve } from "node:path";
import { prepareRules } from "../analyzer/rules/index.js";
import { type BootOptions, boot, type Context } from "../boot.js";
import type { Config } from "../config.js";
import { Mailer } from "../mail/mailer.js";
import { createMailTransport } from "../mail/transports.js";
import { CONTENT_DIR, PROJECT_DIR } from "../paths.js";
import { createSearch, type Search } from "../search/service.js";
import { AltchaGuard } from "../security/altcha.js";
import { loadSigningKey, Signer } from "../security/signing.js";
import { loadSiteContent, type SiteContent } from "../site/content.js";
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
  /** The bibliography and the methodology page, read from the content folder at boot. */
  content: SiteContent;
  /** The mail outbox and its worker (every mail goes through it). */
  mail: Mailer;
  /** Signs links in mails; shared by every instance on the database. */
  signer: Signer;
  /** The proof-of-work spam check of the reader forms. */
  altcha: AltchaGuard;
  /** The search index and the content sync that keeps it and `dictionary` current. */
  search: Search;
  /** Stop background work (pollers, the outbox worker) before closing the database. */
  stop(): Promise<void>;
}

export async function bootWeb(
  config: Config,
  contentDir = CONTENT_DIR,
  options: BootOptions = {},
): Promise<WebContext> {
  const content = loadSiteContent(contentDir);
  const base = await boot(config, contentDir, options);
  // A server works out every ingredient's rule answers at boot (about 0.5 s with the CosIng
  // inventory), so that no label pays for them; the one-shot CLI works each out on first use.
  prepareRules(base.dictionary.ingredients);
  const assets = new Assets(resolve(PROJECT_DIR, "public"));
  const site: Site = { publicUrl: config.publicUrl, cssUrl: assets.css.url, jsUrl: assets.js.url };
  const stoppers: Array<() => Promise<void> | void> = [];
  const signer = new Signer(await loadSigningKey(base.database.db, config.secretKey));
  const mail = new Mailer(base.database.db, createMailTransport(config), {
    from: config.mailFrom,
    pollMs: config.outboxPollMs,
  });
  mail.start();
  stoppers.push(() => mail.stop());
  const search = await createSearch(base, config);
  const ctx: WebContext = {
    ...base,
    search,
    config,
    site,
    assets,
    pages: new PageCache(config.pageCache),
    mail,
    signer,
    altcha: new AltchaGuard(base.database.db, signer, {
      cost: config.altchaCost,
      maxCounter: config.altchaMaxCounter,
    }),
    content,
    stop: async () => {
      for (const stop of stoppers.reverse()) await stop();
    },
    close: async () => {
      await ctx.stop();
      await base.close();
    },
  };
  search.sync.start(ctx);
  stoppers.push(() => search.sync.stop());
  return ctx;
}
