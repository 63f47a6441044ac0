import type { Context } from "../boot.js";
import type { Config } from "../config.js";
import { ContentSync, latestContentChange } from "./content-sync.js";
import { SearchIndex } from "./index.js";

/** The search index of this instance and the content sync that keeps it (and the dictionary) current. */
export interface Search {
  index: SearchIndex;
  sync: ContentSync;
}

/**
 * Built once at boot, right after `boot` loaded the dictionary: the latest change id read here is
 * where polling starts. (A change recorded in the milliseconds between those two reads would wait
 * for the next change; the window is one query long.) Start the sync with `sync.start(ctx)`.
 */
export async function createSearch(base: Context, config: Config): Promise<Search> {
  const lastSeen = (await latestContentChange(base.database.db)) ?? 0;
  return { index: SearchIndex.build(base.dictionary), sync: new ContentSync(lastSeen, config.searchPollMs) };
}
