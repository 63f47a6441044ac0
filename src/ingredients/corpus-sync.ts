import type { Kysely, Transaction } from "kysely";
import { nameKey } from "../analyzer/normalize.js";
import { findBaseline, recordConflicts, saveBaselines } from "../articles/conflicts-repository.js";
import { type ArticleContent, changedFields, isEditorOwned, revisionFacts } from "../articles/fields.js";
import { corpusHashes, mergeCorpus } from "../articles/merge.js";
import { corpusContent, loadStoredContent, storedColumns } from "../articles/stored.js";
import { recordAudit } from "../audit/audit.js";
import type { DB } from "../db/schema.js";
import type { ParsedCorpusFile } from "./corpus-file.js";
import {
  findIngredientIdsByNameKey,
  findIngredientRowByInci,
  type NameRow,
  replaceNames,
} from "./repository.js";
import type { FactSource } from "./types.js";

export interface CorpusSyncReport {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Imported-only ingredients merged into a corpus entry that names them as an alias (CI 77891). */
  merged: number;
  /**
   * Fields an editor published that the corpus also changed: left as the editor wrote them, and
   * stored as pending conflicts (corpus_conflicts) for an editor to resolve. Field keys as in
   * src/articles/fields.ts ("facts.summary", "sections.What is it").
   */
  conflicts: Array<{ slug: string; fields: string[] }>;
}

/** Coarse field sources of a corpus entry; an editor's ownership is kept per field key beside them. */
const CORPUS_FIELDS = ["name", "cas", "ec", "functions", "facts", "sections", "aliases"] as const;

/**
 * Load the bundled corpus into the database. An unchanged entry (same content hash) is skipped;
 * a changed one is applied field by field (each fact, each section), except fields an editor has
 * published, which stay as the editor wrote them.
 */
export async function syncCorpus(
  db: Kysely<DB>,
  entries: readonly ParsedCorpusFile[],
): Promise<CorpusSyncReport> {
  const report: CorpusSyncReport = { inserted: 0, updated: 0, unchanged: 0, merged: 0, conflicts: [] };
  const now = new Date().toISOString();
  // One query for all stored hashes, so that a start with an unchanged corpus costs almost nothing.
  const stored = await db
    .selectFrom("ingredients")
    .select(["inci", "content_hash"])
    .where("content_hash", "is not", null)
    .execute();
  const hashes = new Map(stored.map((r) => [r.inci, r.content_hash]));
  const changed = entries.filter((e) => hashes.get(e.facts.inci) !== e.contentHash);
  report.unchanged = entries.length - changed.length;
  if (changed.length === 0) return report;
  await db.transaction().execute(async (trx) => {
    const published: PublishedEntry[] = [];
    const baselines: Array<{ ingredientId: number; hashes: Record<string, string> }> = [];
    for (const entry of changed) {
      const result = await syncEntry(trx, entry, now, report);
      baselines.push({ ingredientId: result.id, hashes: result.hashes });
      if (result.content) published.push({ id: result.id, content: result.content });
    }
    await recordRevisions(trx, published, now);
    await saveBaselines(trx, baselines);
    if (report.updated > 0) {
      const { updated, inserted, conflicts } = report;
      const detail = { updated, inserted, revisions: published.length, conflicts: conflicts.length };
      await recordAudit(trx, { actor: "corpus", action: "corpus.upgraded", detail }, new Date(now));
    }
  });
  return report;
}

interface PublishedEntry {
  id: number;
  /** The stored content after the load (the merged state, not the corpus file). */
  content: ArticleContent;
}

/**
 * Every corpus load that changes what an entry publishes creates a revision of it (the first load
 * creates revision 1) and logs a content change, which the other app instances poll to refresh
 * search. The revision holds the merged stored state: corpus fields and editors' fields together,
 * exactly what readers see.
 */
async function recordRevisions(trx: Transaction<DB>, published: PublishedEntry[], now: string) {
  for (let start = 0; start < published.length; start += 500) {
    const chunk = published.slice(start, start + 500);
    const ids = chunk.map((p) => p.id);
    const latest = await trx
      .selectFrom("revisions")
      .select(["ingredient_id", (eb) => eb.fn.max("number").as("number")])
      .where("ingredient_id", "in", ids)
      .groupBy("ingredient_id")
      .execute();
    const numbers = new Map(latest.map((r) => [r.ingredient_id, Number(r.number)]));
    await trx
      .insertInto("revisions")
      .values(
        chunk.map(({ id, content }) => {
          const number = (numbers.get(id) ?? 0) + 1;
          return {
            ingredient_id: id,
            number,
            facts: revisionFacts(content),
            sections: Object.keys(content.sections).length > 0 ? JSON.stringify(content.sections) : null,
            author: "corpus",
            note: number === 1 ? "Bundled corpus" : "Bundled corpus upgrade",
            is_correction: 0,
            created_at: now,
          };
        }),
      )
      .execute();
    await trx
      .insertInto("content_changes")
      .values(ids.map((id) => ({ ingredient_id: id, changed_at: now })))
      .execute();
  }
}

interface SyncedEntry {
  id: number;
  hashes: Record<string, string>;
  /** Set when the entry's published content changed: a revision is due. */
  content: ArticleContent | null;
}

async function syncEntry(
  trx: Transaction<DB>,
  entry: ParsedCorpusFile,
  now: string,
  report: CorpusSyncReport,
): Promise<SyncedEntry> {
  const corpus = corpusContent(entry);
  const existing = await findIngredientRowByInci(trx, corpus.inci);
  if (!existing) {
    const id = await insertEntry(trx, entry, corpus, now);
    report.inserted++;
    report.merged += await syncNames(trx, id, corpus, false);
    return { id, hashes: corpusHashes(corpus), content: corpus };
  }
  const stored = await loadStoredContent(trx, existing);
  const merge = mergeCorpus(stored, existing.fieldSources, corpus, await findBaseline(trx, existing.id));
  const { merged } = merge;
  if (merge.conflicts.length > 0) {
    report.conflicts.push({ slug: existing.slug, fields: merge.conflicts.map((c) => c.field) });
    await recordConflicts(trx, existing.id, merge.conflicts, now);
  }
  const fieldSources: Record<string, FactSource> = { ...existing.fieldSources };
  for (const field of CORPUS_FIELDS) {
    if (!isEditorOwned(existing.fieldSources, field)) fieldSources[field] = "corpus";
  }
  await trx
    .updateTable("ingredients")
    .set({
      ...storedColumns(merged),
      content_hash: entry.contentHash,
      source: "corpus",
      field_sources: JSON.stringify(fieldSources),
      updated_at: now,
    })
    .where("id", "=", existing.id)
    .execute();
  report.updated++;
  report.merged += await syncNames(trx, existing.id, corpus, isEditorOwned(existing.fieldSources, "aliases"));
  // A load that changes nothing readers see (only editor-owned fields, or only formatting) publishes nothing.
  const due = changedFields(stored, merged).length > 0 || !(await hasRevision(trx, existing.id));
  return { id: existing.id, hashes: merge.hashes, content: due ? merged : null };
}

async function hasRevision(trx: Transaction<DB>, id: number): Promise<boolean> {
  const row = await trx
    .selectFrom("revisions")
    .select("id")
    .where("ingredient_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function insertEntry(
  trx: Transaction<DB>,
  entry: ParsedCorpusFile,
  corpus: ArticleContent,
  now: string,
): Promise<number> {
  const fieldSources = Object.fromEntries(CORPUS_FIELDS.map((f) => [f, "corpus"]));
  const inserted = await trx
    .insertInto("ingredients")
    .values({
      ...storedColumns(corpus),
      content_hash: entry.contentHash,
      slug: entry.slug,
      inci: corpus.inci,
      source: "corpus",
      field_sources: JSON.stringify(fieldSources),
      description: null,
      inventory: null,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The corpus's names of an entry: its INCI name, and its aliases unless an editor publishes those. */
async function syncNames(
  trx: Transaction<DB>,
  id: number,
  corpus: ArticleContent,
  editorAliases: boolean,
): Promise<number> {
  const names: NameRow[] = [
    { name: corpus.inci, kind: "inci", source: "corpus" },
    ...(editorAliases
      ? []
      : corpus.aliases.map((a) => ({ name: a.name, kind: a.kind, source: "corpus" as const }))),
  ];
  const merged = await absorbImportedAliases(trx, id, names);
  await replaceNames(trx, id, "corpus", names);
  return merged;
}

/**
 * A corpus alias that is the INCI name of an ingredient imported on its own (CI 77891 for
 * TITANIUM DIOXIDE) makes them one ingredient: its annex links and names move to the corpus entry.
 */
async function absorbImportedAliases(trx: Transaction<DB>, id: number, names: NameRow[]): Promise<number> {
  let merged = 0;
  for (const n of names) {
    for (const otherId of await findIngredientIdsByNameKey(trx, nameKey(n.name))) {
      if (otherId === id) continue;
      const other = await trx
        .selectFrom("ingredients")
        .select(["source"])
        .where("id", "=", otherId)
        .executeTakeFirst();
      if (other?.source !== "cosing") continue;
      const links = await trx
        .selectFrom("ingredient_regulations")
        .selectAll()
        .where("ingredient_id", "=", otherId)
        .execute();
      for (const link of links) {
        await trx
          .insertInto("ingredient_regulations")
          .values({ ...link, ingredient_id: id })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await trx.deleteFrom("ingredient_names").where("ingredient_id", "=", otherId).execute();
      await trx.deleteFrom("ingredient_regulations").where("ingredient_id", "=", otherId).execute();
      await trx.deleteFrom("ingredients").where("id", "=", otherId).execute();
      merged++;
    }
  }
  return merged;
}
