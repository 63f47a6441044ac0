import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";
import type { Bibliography } from "../ingredients/article/citations.js";
import { type RenderedSection, renderSections } from "../ingredients/article/sections.js";
import { loadBibliography } from "../ingredients/corpus.js";

export interface RenderedDocument {
  title: string;
  intro: string;
  sections: RenderedSection[];
  /** Bibliography keys cited, in order of first citation: the numbered sources. */
  sources: string[];
}

/** Content the site pages need besides the ingredients: the bibliography and the methodology page. */
export interface SiteContent {
  bibliography: Bibliography;
  methodology: RenderedDocument;
}

const INTRO = "\u0000intro";

/**
 * A Markdown document with one `# ` title and `## ` sections. Its own "Sources" section is left
 * out: the page lists the cited works, numbered, from the bibliography instead.
 */
export function renderDocumentMarkdown(markdown: string, bibliography: Bibliography): RenderedDocument {
  const title = /^# (.+)$/m.exec(markdown)?.[1]?.trim() ?? "";
  const body = markdown.replace(/^# .+$/m, "");
  const parts = body.split(/^## (.+)$/m);
  const sections: Record<string, string> = { [INTRO]: parts[0] ?? "" };
  const headings = [INTRO];
  for (let i = 1; i < parts.length; i += 2) {
    const heading = (parts[i] as string).trim();
    if (heading.toLowerCase() === "sources" || heading in sections) continue;
    sections[heading] = parts[i + 1] ?? "";
    headings.push(heading);
  }
  const rendered = renderSections(sections, headings, bibliography);
  const [intro, ...rest] = rendered.sections;
  return { title, intro: intro?.html ?? "", sections: rest, sources: rendered.cited };
}

/** Read once at boot. A broken bibliography stops the server, as a broken corpus does. */
export function loadSiteContent(contentDir: string): SiteContent {
  const { references, problems } = loadBibliography(contentDir);
  if (problems.length > 0) {
    const list = problems.map((p) => `  ${p.file}: ${p.message}`).join("\n");
    throw new AppError("corpus_invalid", `The bibliography has ${problems.length} problems:\n${list}`);
  }
  const bibliography: Bibliography = new Map(Object.entries(references));
  const file = join(contentDir, "methodology.md");
  const markdown = existsSync(file) ? readFileSync(file, "utf8") : "# How INCI Atlas works\n";
  return { bibliography, methodology: renderDocumentMarkdown(markdown, bibliography) };
}
