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

/** The identity fields and the facts side by side, as a corpus file's front matter or an edit form has them. */
export type FlatEntry = Pick<ArticleContent, "inci" | "name" | "aliases" | "cas" | "ec" | "functions"> &
  Record<string, unknown>;

/** A flat entry and its sections as article content: everything but the identity fields is a fact. */
export function contentOfEntry(entry: FlatEntry, sections: Record<string, string>): ArticleContent {
  const { inci, name, aliases, cas, ec, functions, ...facts } = entry;
  return {
    inci,
    name,
    aliases: sortAliases(aliases),
    cas,
    ec,
    functions,
    facts: facts as StoredFacts,
    sections,
  };
}

/** A corpus file's content. */
export function corpusContent(entry: ParsedCorpusFile): ArticleContent {
  return contentOfEntry(entry.facts, { ...entry.sections });
}

/** The ingredients columns that hold article content (the inverse of `loadStoredContent`, names aside). */
export function storedColumns(content: ArticleContent) {
  return {
    name: content.name,
    cas: JSON.stringify(content.cas),
    ec: JSON.stringify(content.ec),
    functions: JSON.stringify(content.functions),
    facts: JSON.stringify(content.facts),
    sections: Object.keys(content.sections).length > 0 ? JSON.stringify(content.sections) : null,
  };
}
