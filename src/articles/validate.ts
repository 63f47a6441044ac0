import type { Dictionary } from "../analyzer/dictionary.js";
import type { Bibliography } from "../ingredients/article/citations.js";
import { countWords } from "../ingredients/corpus-file.js";
import { MAX_ARTICLE_WORDS, MIN_ARTICLE_WORDS } from "../ingredients/corpus-quality.js";
import type { StoredFacts } from "../ingredients/repository.js";
import { ARTICLE_SECTIONS, corpusEntrySchema, OPTIONAL_SECTIONS } from "../ingredients/schema.js";
import { type ArticleContent, sortAliases } from "./fields.js";
import { type ArticleForm, sectionField } from "./form.js";
import { entryOfForm } from "./form-content.js";

/**
 * What the corpus check (scripts/check-corpus.ts) would reject, checked on an editor's form: the
 * corpus schema, bibliography keys, related entries, names owned by another ingredient, and for a
 * full article every required section and 350-900 words. Each problem names its form field.
 */

export interface FieldError {
  /** A form field name ("summary", "comedogenicRationale", "section-what-is-it") or "sections". */
  field: string;
  message: string;
}

export type Validation = { ok: true; content: ArticleContent } | { ok: false; errors: FieldError[] };

export interface ValidationContext {
  bibliography: Bibliography;
  dictionary: Dictionary;
  ingredientId: number;
  slug: string;
}

const NESTED: Record<string, Record<string, string>> = {
  comedogenic: rating("comedogenic"),
  irritancy: rating("irritancy"),
  fungalAcne: { tier: "fungalTier", reason: "fungalReason", "": "fungalTier" },
  pregnancy: { caution: "pregnancy", note: "pregnancyNote", "": "pregnancy" },
  photosensitising: { caution: "sun", note: "sunNote", "": "sun" },
};

function rating(prefix: string): Record<string, string> {
  const fields = ["value", "basis", "rationale", "sources", "disagreement"];
  const map = Object.fromEntries(fields.map((f) => [f, `${prefix}${f[0]?.toUpperCase()}${f.slice(1)}`]));
  return { ...map, "": `${prefix}Basis` };
}

/** The form field a schema issue belongs to, and the line or row it is about. */
function locate(path: readonly PropertyKey[]): { field: string; item: number | null } {
  const [head, second] = path;
  const nested = NESTED[String(head)];
  if (nested) {
    const key = typeof second === "string" ? second : "";
    const item = typeof path[2] === "number" ? path[2] : null;
    return { field: nested[key] ?? nested[""] ?? String(head), item };
  }
  if (head === "aliases") return { field: "aliasName", item: typeof second === "number" ? second : null };
  return { field: String(head ?? "name"), item: typeof second === "number" ? second : null };
}

function isBlank(form: ArticleForm, field: string): boolean {
  const flat = form as unknown as Record<string, unknown>;
  for (const prefix of ["comedogenic", "irritancy"] as const) {
    if (field.startsWith(prefix)) {
      const key = field.slice(prefix.length).toLowerCase() as keyof ArticleForm["comedogenic"];
      return form[prefix][key] === "";
    }
  }
  return flat[field] === "";
}

function schemaErrors(form: ArticleForm, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  return issues.map((issue): FieldError => {
    const { field, item } = locate(issue.path);
    const where = item === null ? "" : field === "aliasName" ? `alias ${item + 1}: ` : `line ${item + 1}: `;
    const message = item === null && isBlank(form, field) ? "Required." : issue.message;
    return { field, message: `${where}${message}` };
  });
}

function keyErrors(field: string, keys: readonly string[], ctx: ValidationContext): FieldError[] {
  return keys
    .filter((key) => !ctx.bibliography.has(key))
    .map((key) => ({ field, message: `"${key}" is not a key of the bibliography.` }));
}

function crossErrors(entry: Record<string, unknown>, ctx: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  const facts = entry as unknown as StoredFacts & { aliases: Array<{ name: string }> };
  errors.push(...keyErrors("sources", facts.sources ?? [], ctx));
  errors.push(...keyErrors("comedogenicSources", facts.comedogenic?.sources ?? [], ctx));
  errors.push(...keyErrors("irritancySources", facts.irritancy?.sources ?? [], ctx));
  for (const slug of facts.related ?? []) {
    if (slug === ctx.slug) errors.push({ field: "related", message: "An entry is not related to itself." });
    else if (!ctx.dictionary.findBySlug(slug))
      errors.push({ field: "related", message: `No entry "${slug}".` });
  }
  const seen = new Set<string>();
  for (const { name } of facts.aliases) {
    const hit = ctx.dictionary.exact(name);
    if (hit && hit.ingredient.id !== ctx.ingredientId) {
      errors.push({ field: "aliasName", message: `"${name}" is already a name of ${hit.ingredient.inci}.` });
    }
    if (seen.has(name.toUpperCase()))
      errors.push({ field: "aliasName", message: `"${name}" is listed twice.` });
    seen.add(name.toUpperCase());
  }
  return errors;
}

/** A full article has every section (EU status only where one applies) and 350-900 words; none is a facts-only entry. */
function sectionErrors(sections: Record<string, string>): FieldError[] {
  const written = Object.keys(sections);
  if (written.length === 0) return [];
  const errors: FieldError[] = ARTICLE_SECTIONS.filter(
    (h) => !OPTIONAL_SECTIONS.has(h) && !(h in sections),
  ).map((h) => ({ field: sectionField(h), message: `A full article needs the section "${h}".` }));
  const words = countWords(sections);
  if (words < MIN_ARTICLE_WORDS || words > MAX_ARTICLE_WORDS) {
    errors.push({
      field: "sections",
      message: `The article has ${words} words; a full article has ${MIN_ARTICLE_WORDS}-${MAX_ARTICLE_WORDS}.`,
    });
  }
  return errors;
}

export function validateArticle(
  form: ArticleForm,
  current: ArticleContent,
  ctx: ValidationContext,
): Validation {
  const entry = entryOfForm(form, current);
  const sections = Object.fromEntries(Object.entries(form.sections).filter(([, text]) => text !== ""));
  const parsed = corpusEntrySchema.safeParse(entry);
  const errors = [
    ...(parsed.success ? [] : schemaErrors(form, parsed.error.issues)),
    ...crossErrors(entry, ctx),
    ...sectionErrors(sections),
  ];
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const { inci, name, aliases, cas, ec, functions, ...facts } = parsed.data;
  return {
    ok: true,
    content: { inci, name, aliases: sortAliases(aliases), cas, ec, functions, facts, sections },
  };
}
