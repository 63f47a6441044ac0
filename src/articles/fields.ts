import { createHash } from "node:crypto";
import type { StoredFacts } from "../ingredients/repository.js";
import { ARTICLE_SECTIONS } from "../ingredients/schema.js";
import type { Alias, FactSource } from "../ingredients/types.js";

/**
 * The whole editable content of one ingredient, field by field: what a revision snapshots, what an
 * editor's form produces, and what a corpus reload merges. Pure. A field key names one unit that
 * has one owner (corpus or editor): "name", "aliases", "cas", "ec", "functions", "facts.<key>"
 * (one per structured fact) or "sections.<heading>" (one per article section).
 */
export interface ArticleContent {
  inci: string;
  name: string;
  aliases: Alias[];
  cas: string[];
  ec: string[];
  functions: string[];
  /** origin, ratings, categories, ..., eu, summary, sources, reviewed. */
  facts: StoredFacts;
  /** Heading -> Markdown; a missing heading is an absent section. */
  sections: Record<string, string>;
}

export const TOP_FIELDS = ["name", "aliases", "cas", "ec", "functions"] as const;
export const FACT_FIELDS = [
  "origin",
  "vegan",
  "vegetarian",
  "categories",
  "comedogenic",
  "irritancy",
  "fungalAcne",
  "pregnancy",
  "photosensitising",
  "allergens",
  "productTypes",
  "related",
  "eu",
  "summary",
  "sources",
  "reviewed",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];
const LIST_FACTS: ReadonlySet<string> = new Set([
  "categories",
  "allergens",
  "productTypes",
  "related",
  "eu",
  "sources",
]);

/** Aliases in one order wherever they come from (the names table keeps none). */
export function sortAliases(aliases: readonly Alias[]): Alias[] {
  return [...aliases].sort((a, b) => a.name.localeCompare(b.name, "en") || a.kind.localeCompare(b.kind));
}

/** Every field key of these contents: the fixed ones, then each section heading any of them has. */
export function fieldKeys(...contents: ArticleContent[]): string[] {
  const headings = new Set<string>(ARTICLE_SECTIONS);
  for (const content of contents) for (const heading of Object.keys(content.sections)) headings.add(heading);
  return [
    ...TOP_FIELDS,
    ...FACT_FIELDS.map((f) => `facts.${f}`),
    ...[...headings].map((h) => `sections.${h}`),
  ];
}

/** A field's value, with absent facts as null (or [] for lists) and absent sections as "". */
export function fieldValue(content: ArticleContent, key: string): unknown {
  if (key.startsWith("facts.")) {
    const fact = key.slice(6) as FactField;
    return content.facts[fact] ?? (LIST_FACTS.has(fact) ? [] : null);
  }
  if (key.startsWith("sections.")) return content.sections[key.slice(9)] ?? "";
  return content[key as (typeof TOP_FIELDS)[number]];
}

/** A copy of `content` with one field replaced. */
export function withField(content: ArticleContent, key: string, value: unknown): ArticleContent {
  if (key.startsWith("facts.")) return { ...content, facts: { ...content.facts, [key.slice(6)]: value } };
  if (key.startsWith("sections.")) {
    const sections = { ...content.sections };
    const heading = key.slice(9);
    if (typeof value === "string" && value.trim() !== "") sections[heading] = value;
    else delete sections[heading];
    return { ...content, sections };
  }
  return { ...content, [key]: key === "aliases" ? sortAliases(value as Alias[]) : value };
}

/** JSON with object keys sorted, so that two equal values always compare and hash equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

export function fieldHash(value: unknown): string {
  return createHash("sha256")
    .update(canonical(value ?? null))
    .digest("base64url")
    .slice(0, 12);
}

/** The keys whose value differs between two versions, in field order. */
export function changedFields(before: ArticleContent, after: ArticleContent): string[] {
  return fieldKeys(before, after).filter((k) => !sameValue(fieldValue(before, k), fieldValue(after, k)));
}

/** True when an editor published this field: a corpus reload then leaves it alone. */
export function isEditorOwned(sources: Record<string, FactSource>, key: string): boolean {
  return sources[key] === "editor";
}

/** Field sources after `keys` changed hands: "editor" marks them, "corpus" hands them back. */
export function markFields(
  sources: Record<string, FactSource>,
  keys: readonly string[],
  owner: "editor" | "corpus",
): Record<string, FactSource> {
  const next = { ...sources };
  for (const key of keys) {
    if (owner === "editor") next[key] = "editor";
    else delete next[key];
  }
  return next;
}

/** A revision's `facts` column: the corpus file's shape (identity, names and every fact, flat). */
export function revisionFacts(content: ArticleContent): string {
  const { inci, name, aliases, cas, ec, functions, facts } = content;
  return JSON.stringify({ inci, name, aliases, cas, ec, functions, ...facts });
}

/** A revision's columns back to content. */
export function contentOfRevision(factsJson: string, sectionsJson: string | null): ArticleContent {
  const parsed = JSON.parse(factsJson) as Record<string, unknown> & Partial<ArticleContent>;
  const { inci, name, aliases, cas, ec, functions, ...facts } = parsed;
  return {
    inci: String(inci ?? ""),
    name: String(name ?? ""),
    aliases: sortAliases((aliases as Alias[] | undefined) ?? []),
    cas: (cas as string[] | undefined) ?? [],
    ec: (ec as string[] | undefined) ?? [],
    functions: (functions as string[] | undefined) ?? [],
    facts: facts as StoredFacts,
    sections: sectionsJson ? (JSON.parse(sectionsJson) as Record<string, string>) : {},
  };
}

const LABELS: Record<string, string> = {
  name: "Name",
  aliases: "Aliases",
  cas: "CAS numbers",
  ec: "EC numbers",
  functions: "Functions",
  "facts.origin": "Origin",
  "facts.vegan": "Vegan",
  "facts.vegetarian": "Vegetarian",
  "facts.categories": "Categories",
  "facts.comedogenic": "Comedogenic rating",
  "facts.irritancy": "Irritancy rating",
  "facts.fungalAcne": "Fungal-acne tier",
  "facts.pregnancy": "Pregnancy and breastfeeding",
  "facts.photosensitising": "Sun sensitivity",
  "facts.allergens": "Fragrance allergens",
  "facts.productTypes": "Product types",
  "facts.related": "Related entries",
  "facts.eu": "EU status",
  "facts.summary": "Summary",
  "facts.sources": "Sources",
  "facts.reviewed": "Reviewed on",
};

/** What people call a field: "Summary", "Section: What is it". */
export function fieldLabel(key: string): string {
  if (key.startsWith("sections.")) return `Section: ${key.slice(9)}`;
  return LABELS[key] ?? key;
}
