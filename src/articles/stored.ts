import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema.js";
import type { ParsedCorpusFile } from "../ingredients/corpus-file.js";
import {
  findAuthoredAliases,
  findStoredSections,
  type IngredientRow,
  type StoredFacts,
} from "../ingredients/repository.js";
import { type ArticleContent, sortAliases } from "./fields.js";

type Executor = Kysely<DB> | Transaction<DB>;

/** The published content of an ingredient as stored: its row, its sections and its authored aliases. */
export async function loadStoredContent(db: Executor, row: IngredientRow): Promise<ArticleContent> {
  const [sections, aliases] = await Promise.all([
    findStoredSections(db, row.id),
    findAuthoredAliases(db, row.id),
  ]);
  return {
    inci: row.inci,
    name: row.name,
    aliases: sortAliases(aliases),
    cas: row.cas,
    ec: row.ec,
    functions: row.functions,
    facts: row.facts,
    sections,
  };
}

/** A corpus file's content. */
export function corpusContent(entry: ParsedCorpusFile): ArticleContent {
  const { inci, name, aliases, cas, ec, functions, ...facts } = entry.facts;
  return {
    inci,
    name,
    aliases: sortAliases(aliases),
    cas,
    ec,
    functions,
    facts: facts as StoredFacts,
    sections: { ...entry.sections },
  };
}
