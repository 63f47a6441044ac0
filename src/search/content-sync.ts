import { setImmediate } from "node:timers/promises";
import type { Kysely, Transaction } from "kysely";
import type { Dictionary } from "../analyzer/dictionary.js";
import { prepareRules } from "../analyzer/rules/index.js";
import type { Database } from "../db/database.js";
import type { DB } from "../db/schema.js";
import { dictionaryIndex } from "../ingredients/browse.js";
import { loadDictionary } from "../ingredients/service.js";
import { indexAliasSlugs } from "../ingredients/slugs.js";
import type { Ingredient } from "../ingredients/types.js";
import type { IndexUpdate, SearchIndex } from "./index.js";

/**
 * Keeps every app instance current. A publish (by an editor, through any instance) records a row
 * in `content_changes`; each instance polls that table for ids above the last one it saw and, when
 * there are new ones, reloads the dictionary, updates its search index and drops its page cache.
 * (On PostgreSQL a transaction can commit after one holding a higher id; its change then shows at
 * the next change, or the next restart. Publishes are rare and one at a time, so this is accepted.)
 */

type Executor = Kysely<DB> | Transaction<DB>;

/** The parts of the web context a reload replaces or clears. */
export interface SyncTarget {
  database: Database;
  dictionary: Dictionary;
  search: { index: SearchIndex };
  pages: { clear(): void };
}

export interface SyncLog {
  info(message: string): void;
  warn(message: string): void;
}

const silent: SyncLog = { info: () => {}, warn: () => {} };

/**
 * Record that these ingredients changed, so that every instance reloads them. Call it inside the
 * transaction that publishes the change: the row then becomes visible with the change itself.
 */
export async function recordContentChange(
  db: Executor,
  ingredientIds: readonly number[],
  now: Date = new Date(),
): Promise<void> {
  if (ingredientIds.length === 0) return;
  const changedAt = now.toISOString();
  await db
    .insertInto("content_changes")
    .values([...new Set(ingredientIds)].map((id) => ({ ingredient_id: id, changed_at: changedAt })))
    .execute();
}

/** The highest change id above `after`, or null when there is none. */
export async function latestContentChange(db: Executor, after = 0): Promise<number | null> {
  const row = await db
    .selectFrom("content_changes")
    .select((eb) => eb.fn.max("id").as("latest"))
    .where("id", ">", after)
    .executeTakeFirst();
  // PostgreSQL may return an aggregate as a string.
  return row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
}

export class ContentSync {
  private timer: NodeJS.Timeout | null = null;
  private target: SyncTarget | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private log: SyncLog = silent;

  /** `lastSeen`: the latest change id when the dictionary in use was loaded. */
  constructor(
    private lastSeen: number,
    private readonly intervalMs: number,
  ) {}

  /** Poll every `intervalMs` until `stop`. The timer does not keep the process alive. */
  start(target: SyncTarget): void {
    this.target = target;
    this.schedule();
  }

  /** Fastify's logger is created after boot; until attached, the sync logs nothing. */
  attachLogger(log: SyncLog): void {
    this.log = log;
  }

  /**
   * Reload now if a change was recorded since the last look (resolves to what the index did, or
   * null when nothing changed). Polls never overlap: a call during a poll waits for it first.
   */
  poll(): Promise<IndexUpdate | null> {
    const next = this.queue.then(() => this.pollOnce());
    this.queue = next.catch(() => {});
    return next;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.poll()
        // A failed poll (database restarting, network blip) must never stop the process: log it and
        // try again at the next tick, from the same last-seen id.
        .catch((error: unknown) => this.log.warn(`content sync: poll failed: ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  private async pollOnce(): Promise<IndexUpdate | null> {
    const target = this.target;
    if (!target || this.stopped) return null;
    const latest = await latestContentChange(target.database.db, this.lastSeen);
    if (latest === null) return null;
    // The dictionary is read after the change ids: whatever those changes wrote is in it.
    const dictionary = await loadDictionary(target.database);
    // Built before the swap, so that no request pays for them on the new dictionary; requests are
    // served between the steps (the reload is CPU work: awaiting alone would not let them in).
    await setImmediate();
    indexAliasSlugs(dictionary);
    dictionaryIndex(dictionary);
    await setImmediate();
    await prepareRulesInSlices(dictionary.ingredients);
    if (this.stopped) return null;
    // Swap everything in one synchronous step: no request sees a new dictionary with an old index.
    const update = target.search.index.update(dictionary);
    target.dictionary = dictionary;
    target.pages.clear();
    this.lastSeen = latest;
    this.log.info(
      `content sync: change ${latest}: ${update.added} added, ${update.replaced} replaced, ${update.removed} removed in ${update.ms} ms`,
    );
    return update;
  }
}

/**
 * The rule profiles of a new dictionary, a slice at a time. With the CosIng inventory imported, the
 * whole reload held every request of the instance for 790-970 ms on each content change; with the
 * yields the longest hold is one step, 170-250 ms (measured on 2 cores).
 */
async function prepareRulesInSlices(ingredients: readonly Ingredient[], sliceSize = 1000): Promise<void> {
  for (let start = 0; start < ingredients.length; start += sliceSize) {
    prepareRules(ingredients.slice(start, start + sliceSize));
    await setImmediate();
  }
}
