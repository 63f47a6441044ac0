import type { Kysely, Transaction } from "kysely";
import { nameKey } from "../analyzer/normalize.js";
import type { DB } from "../db/schema.js";
import type { ParsedCorpusFile } from "./corpus-file.js";
import {
  findIngredientIdsByNameKey,
  findIngredientRowByInci,
  type NameRow,
  replaceNames,
  type StoredFacts,
} from "./repository.js";
import type { FactSource } from "./types.js";

export interface CorpusSyncReport {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Imported-only ingredients merged into a corpus entry that names them as an alias (CI 77891). */
  merged: number;
  /** Fields an editor changed that the corpus also changed: left as the editor wrote them. */
  conflicts: Array<{ slug: string; fields: string[] }>;
}

const CORPUS_FIELDS = ["name", "cas", "ec", "functions", "facts", "sections", "aliases"] as const;

/**
 * Load the bundled corpus into the database. An unchanged entry (same content hash) is skipped;
 * a changed one is applied field by field, except fields an editor has taken over.
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
    for (const entry of changed) {
      const result = await syncEntry(trx, entry, now, report);
      if (result) published.push(result);
    }
    await recordRevisions(trx, published, now);
  });
  return report;
}

interface PublishedEntry {
  id: number;
  entry: ParsedCorpusFile;
}

/**
 * Every corpus load that changes an entry publishes a revision of it (the first load creates
 * revision 1) and logs a content change, which the other app instances poll to refresh search.
 * Entries with editor-owned fields are left to the editors' workspace: the stored article is then
 * neither the corpus text nor the editor's, and publishing it is an editor's decision.
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
        chunk.map(({ id, entry }) => {
          const number = (numbers.get(id) ?? 0) + 1;
          return {
            ingredient_id: id,
            number,
            facts: JSON.stringify(entry.facts),
            sections: Object.keys(entry.sections).length > 0 ? JSON.stringify(entry.sections) : null,
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

async function syncEntry(
  trx: Transaction<DB>,
  entry: ParsedCorpusFile,
  now: string,
  report: CorpusSyncReport,
): Promise<PublishedEntry | null> {
  const { facts } = entry;
  const existing = await findIngredientRowByInci(trx, facts.inci);
  const values = corpusValues(entry);
  let id: number;
  if (existing) {
    const editorFields = CORPUS_FIELDS.filter((f) => existing.fieldSources[f] === "editor");
    if (editorFields.length > 0) report.conflicts.push({ slug: existing.slug, fields: editorFields });
    const update: Partial<typeof values> = { ...values };
    for (const field of editorFields) if (field !== "aliases") delete update[field];
    const fieldSources: Record<string, FactSource> = { ...existing.fieldSources };
    for (const field of CORPUS_FIELDS) if (!editorFields.includes(field)) fieldSources[field] = "corpus";
    await trx
      .updateTable("ingredients")
      .set({ ...update, source: "corpus", field_sources: JSON.stringify(fieldSources), updated_at: now })
      .where("id", "=", existing.id)
      .execute();
    id = existing.id;
    report.updated++;
  } else {
    const fieldSources = Object.fromEntries(CORPUS_FIELDS.map((f) => [f, "corpus"]));
    const inserted = await trx
      .insertInto("ingredients")
      .values({
        ...values,
        slug: entry.slug,
        inci: facts.inci,
        source: "corpus",
        field_sources: JSON.stringify(fieldSources),
        description: null,
        inventory: null,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    id = inserted.id;
    report.inserted++;
  }
  const names: NameRow[] = [
    { name: facts.inci, kind: "inci", source: "corpus" },
    ...facts.aliases.map((a) => ({ name: a.name, kind: a.kind, source: "corpus" as const })),
  ];
  report.merged += await absorbImportedAliases(trx, id, names);
  await replaceNames(trx, id, "corpus", names);
  const editorOwned = existing && CORPUS_FIELDS.some((f) => existing.fieldSources[f] === "editor");
  return editorOwned ? null : { id, entry };
}

function corpusValues(entry: ParsedCorpusFile) {
  const { inci: _inci, name, aliases: _aliases, cas, ec, functions, ...rest } = entry.facts;
  const facts: StoredFacts = rest;
  return {
    name,
    cas: JSON.stringify(cas),
    ec: JSON.stringify(ec),
    functions: JSON.stringify(functions),
    facts: JSON.stringify(facts),
    sections: Object.keys(entry.sections).length > 0 ? JSON.stringify(entry.sections) : null,
    content_hash: entry.contentHash,
  };
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
