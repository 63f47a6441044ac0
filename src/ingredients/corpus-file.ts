import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { ARTICLE_SECTIONS, type CorpusEntry, corpusEntrySchema, OPTIONAL_SECTIONS } from "./schema.js";
import { slugify } from "./slug.js";

/** A corpus entry read from its Markdown file: validated facts, the article sections, and a content hash. */
export interface ParsedCorpusFile {
  slug: string;
  facts: CorpusEntry;
  /** Section heading -> Markdown text; empty when the entry has no full article yet. */
  sections: Record<string, string>;
  contentHash: string;
}

export type CorpusFileResult = { ok: true; entry: ParsedCorpusFile } | { ok: false; problems: string[] };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Pure: parse and validate one corpus file's text. `fileName` is `<slug>.md`. */
export function parseCorpusFile(fileName: string, text: string): CorpusFileResult {
  const match = FRONT_MATTER.exec(text.replace(/^\uFEFF/, ""));
  if (!match) return { ok: false, problems: ["no YAML front matter between --- lines"] };
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "");
  } catch (error) {
    return { ok: false, problems: [`YAML: ${(error as Error).message.split("\n")[0]}`] };
  }
  const parsed = corpusEntrySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    };
  }
  const problems: string[] = [];
  const slug = fileName.replace(/\.md$/, "");
  if (slugify(parsed.data.inci) !== slug) {
    problems.push(`file name must be ${slugify(parsed.data.inci)}.md for INCI ${parsed.data.inci}`);
  }
  const { sections, problems: sectionProblems } = splitSections(match[2] ?? "");
  problems.push(...sectionProblems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entry: { slug, facts: parsed.data, sections, contentHash: contentHash(text) } };
}

export function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Split an article body on its `## ` headings and check them against the fixed order. */
export function splitSections(body: string): { sections: Record<string, string>; problems: string[] } {
  const sections: Record<string, string> = {};
  const problems: string[] = [];
  const order: string[] = [];
  let current: string | null = null;
  const lines: string[] = [];
  const flush = () => {
    if (current !== null) sections[current] = lines.join("\n").trim();
    lines.length = 0;
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = /^## +(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = heading[1] ?? "";
      order.push(current);
    } else if (current !== null) {
      lines.push(line);
    } else if (line.trim() !== "") {
      problems.push("article text before the first ## heading");
    }
  }
  flush();
  if (order.length === 0) return { sections, problems };
  const known = new Set<string>(ARTICLE_SECTIONS);
  for (const heading of order) if (!known.has(heading)) problems.push(`unknown section heading "${heading}"`);
  const expected = ARTICLE_SECTIONS.filter((h) => !OPTIONAL_SECTIONS.has(h) || order.includes(h));
  if (order.join("|") !== expected.join("|")) {
    problems.push(`sections must be, in order: ${expected.join(", ")}`);
  }
  return { sections, problems };
}

/** Words in an article body (for the 350-900 word rule of full articles). */
export function countWords(sections: Record<string, string>): number {
  return Object.values(sections)
    .join(" ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
