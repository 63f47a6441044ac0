import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { describeEachDatabase, type TestDatabase } from "../../test/databases.js";
import { smallCorpus, TEST_SLUGS } from "../../test/web.js";
import { nameKey } from "../analyzer/normalize.js";
import { testConfig } from "../config.js";
import { buildServer } from "../server/app.js";
import { bootWeb, type WebContext } from "../server/compose.js";
import { ContentSync, latestContentChange, recordContentChange, type SyncLog } from "./content-sync.js";

const POLL_MS = 100;

interface Instance {
  ctx: WebContext;
  app: FastifyInstance;
}

/** Wait until `check` passes, retrying every poll interval, for at most `ms`. */
async function eventually(check: () => Promise<void>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS / 2));
    }
  }
}

// Two app instances on one database (one PostgreSQL database, or one SQLite file), as behind a load
// balancer: a change recorded through A must reach B's search and B's dictionary within a few polls.
describeEachDatabase("search content sync across two instances", (make) => {
  let database: TestDatabase;
  let corpus: ReturnType<typeof smallCorpus>;
  let a: Instance;
  let b: Instance;

  const boot = async (): Promise<Instance> => {
    const config = testConfig(database.config, { searchPollMs: POLL_MS, pageCache: true });
    const ctx = await bootWeb(config, corpus.dir);
    return { ctx, app: await buildServer(ctx) };
  };
  const suggest = async (instance: Instance, q: string) =>
    (await instance.app.inject({ method: "GET", url: `/api/v1/suggest?q=${encodeURIComponent(q)}` })).json()
      .items as Array<{ slug: string; matchedName: string }>;
  const search = async (instance: Instance, q: string) =>
    (
      await instance.app.inject({ method: "GET", url: `/api/v1/ingredients?q=${encodeURIComponent(q)}` })
    ).json().items as Array<{ slug: string; name: string; matchedName: string }>;

  before(async () => {
    corpus = smallCorpus(TEST_SLUGS);
    database = await make();
    a = await boot();
    b = await boot();
  });
  after(async () => {
    for (const instance of [a, b]) {
      await instance?.app.close();
      await instance?.ctx.close();
    }
    await database?.drop();
    corpus?.remove();
  });

  it("an alias added through A is found by B's search and dictionary", async () => {
    const squalane = a.ctx.dictionary.findBySlug("squalane");
    assert.ok(squalane);
    assert.deepEqual(await suggest(b, "zebrafruit"), []);
    await a.ctx.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("ingredient_names")
        .values({
          ingredient_id: squalane.id,
          name: "Zebrafruit Wax",
          key: nameKey("Zebrafruit Wax"),
          kind: "common",
          source: "editor",
        })
        .execute();
      await recordContentChange(trx, [squalane.id]);
    });
    await eventually(async () => {
      const items = await suggest(b, "zebrafruit");
      assert.equal(items[0]?.slug, "squalane");
      assert.equal(items[0]?.matchedName, "Zebrafruit Wax");
    });
    assert.equal(b.ctx.dictionary.exact("zebrafruit wax")?.ingredient.slug, "squalane");
    await eventually(async () => assert.equal((await search(a, "zebrafruit wax"))[0]?.slug, "squalane"));
  });

  it("a renamed ingredient reaches B's search, and B's page cache is cleared", async () => {
    const limonene = a.ctx.dictionary.findBySlug("limonene");
    assert.ok(limonene);
    const cached = await b.ctx.pages.get("/test-page", () => "before the change");
    assert.equal(cached.html, "before the change");
    await a.ctx.database.db
      .updateTable("ingredients")
      .set({ name: "Quokkapeel Terpene" })
      .where("id", "=", limonene.id)
      .execute();
    await recordContentChange(a.ctx.database.db, [limonene.id]);
    await eventually(async () => {
      const items = await search(b, "quokkapeel");
      assert.equal(items[0]?.slug, "limonene");
      assert.equal(items[0]?.name, "Quokkapeel Terpene");
    });
    assert.equal((await b.ctx.pages.get("/test-page", () => "after the change")).html, "after the change");
  });

  it("records changes that every instance can see, and reports the latest id", async () => {
    const before = (await latestContentChange(b.ctx.database.db)) ?? 0;
    await recordContentChange(a.ctx.database.db, []);
    assert.equal(await latestContentChange(b.ctx.database.db, before), null);
    const glycerin = a.ctx.dictionary.findBySlug("glycerin");
    assert.ok(glycerin);
    await recordContentChange(a.ctx.database.db, [glycerin.id, glycerin.id]);
    assert.equal(await latestContentChange(b.ctx.database.db), before + 1);
    assert.equal(await latestContentChange(b.ctx.database.db, before + 1), null);
    const update = await new ContentSync(before, POLL_MS).poll();
    assert.equal(update, null, "a sync that was never started does nothing");
  });

  it("survives a failing poll: logs it and tries again at the next tick", async () => {
    const broken = await database.open();
    await broken.close();
    const warnings: string[] = [];
    const log: SyncLog = { info: () => {}, warn: (message) => warnings.push(message) };
    const sync = new ContentSync(0, 20);
    sync.attachLogger(log);
    sync.start({ ...b.ctx, database: broken, search: b.ctx.search });
    await eventually(async () => assert.ok(warnings.length >= 2, `${warnings.length} warnings`));
    await sync.stop();
    const count = warnings.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(warnings.length, count, "no poll after stop");
    assert.match(warnings[0] ?? "", /content sync: poll failed/);
  });
});
