import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { contentHash, type ParsedCorpusFile, parseCorpusFile } from "./corpus-file.js";

export interface CorpusProblem {
  file: string;
  message: string;
}

export interface LoadedCorpus {
  entries: ParsedCorpusFile[];
  references: Record<string, Reference>;
  problems: CorpusProblem[];
}

export interface Reference {
  type: string;
  title: string;
  author?: string;
  year?: number;
  journal?: string;
  url?: string;
}

export interface CorpusText {
  file: string;
  slug: string;
  text: string;
  /** The content hash that `parseCorpusFile` records (SHA-256 of the file). */
  hash: string;
}

/** The raw entry files, hashed but not parsed: enough to tell whether anything changed. */
export function readCorpusTexts(contentDir: string): CorpusText[] {
  const dir = join(contentDir, "ingredients");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      return { file, slug: file.slice(0, -3), text, hash: contentHash(text) };
    });
}

/** Read every `content/ingredients/*.md` and `content/references.yaml`, collecting every problem found. */
export function loadCorpus(
  contentDir: string,
  texts: CorpusText[] = readCorpusTexts(contentDir),
): LoadedCorpus {
  const problems: CorpusProblem[] = [];
  const references = loadReferences(contentDir, problems);
  const entries: ParsedCorpusFile[] = [];
  for (const { file, text } of texts) {
    const result = parseCorpusFile(file, text);
    if (!result.ok) {
      for (const message of result.problems) problems.push({ file, message });
      continue;
    }
    entries.push(result.entry);
  }
  problems.push(...crossCheck(entries, references));
  return { entries, references, problems };
}

/** The bibliography alone, for the website's numbered sources; `problems` as in `loadCorpus`. */
export function loadBibliography(contentDir: string): {
  references: Record<string, Reference>;
  problems: CorpusProblem[];
} {
  const problems: CorpusProblem[] = [];
  return { references: loadReferences(contentDir, problems), problems };
}

/**
 * The bibliography: `references.yaml` plus any `references/*.yaml` (one file per batch of work, so
 * that authors working at once do not edit the same file). A key defined twice differently is an error.
 */
function loadReferences(contentDir: string, problems: CorpusProblem[]): Record<string, Reference> {
  const files = [join(contentDir, "references.yaml")];
  const extra = join(contentDir, "references");
  if (existsSync(extra)) {
    for (const f of readdirSync(extra)
      .filter((n) => n.endsWith(".yaml"))
      .sort())
      files.push(join(extra, f));
  }
  const references: Record<string, Reference> = {};
  for (const file of files) {
    let parsed: Record<string, Reference>;
    try {
      parsed = (parseYaml(readFileSync(file, "utf8")) ?? {}) as Record<string, Reference>;
    } catch (error) {
      problems.push({ file, message: `YAML: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    for (const [key, value] of Object.entries(parsed)) {
      const existing = references[key];
      if (existing && JSON.stringify(existing) !== JSON.stringify(value)) {
        problems.push({ file, message: `bibliography key "${key}" is defined twice, differently` });
      }
      references[key] = value;
    }
  }
  return references;
}

/** Checks that span entries: unknown bibliography keys, related slugs, duplicate names. */
function crossCheck(entries: ParsedCorpusFile[], references: Record<string, Reference>): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const slugs = new Set(entries.map((e) => e.slug));
  const names = new Map<string, string>();
  for (const { slug, facts } of entries) {
    const file = `${slug}.md`;
    const keys = [
      ...facts.sources,
      ...(facts.comedogenic?.sources ?? []),
      ...(facts.irritancy?.sources ?? []),
    ];
    for (const key of keys) {
      if (!(key in references)) problems.push({ file, message: `unknown bibliography key "${key}"` });
    }
    for (const related of facts.related) {
      if (!slugs.has(related)) problems.push({ file, message: `related entry "${related}" does not exist` });
    }
    for (const name of [facts.inci, ...facts.aliases.map((a) => a.name)]) {
      const key = name.toUpperCase();
      const owner = names.get(key);
      if (owner && owner !== slug)
        problems.push({ file, message: `name "${name}" is also used by ${owner}` });
      names.set(key, slug);
    }
  }
  return problems;
}
