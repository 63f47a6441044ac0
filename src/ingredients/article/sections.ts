import { renderMarkdown } from "../../web/markdown.js";
import type { Revision } from "../revisions.js";
import { ARTICLE_SECTIONS } from "../schema.js";
import { slugify } from "../slug.js";
import { type Bibliography, linkCitations, SourceNumbers } from "./citations.js";

export interface RenderedSection {
  /** Anchor of the section, for "Inside this article". */
  id: string;
  heading: string;
  html: string;
}

export interface RenderedSections {
  sections: RenderedSection[];
  /** Bibliography keys cited in the text, in order of first citation (sources 1, 2, ...). */
  cited: string[];
}

/** The fixed headings first, in their order; then any other heading an editor added, as stored. */
export function orderedHeadings(sections: Record<string, string>): string[] {
  const fixed: string[] = ARTICLE_SECTIONS.filter((h) => h in sections);
  return [...fixed, ...Object.keys(sections).filter((h) => !fixed.includes(h))];
}

/** The sentence that says "not medical advice" stands out wherever an article says it. */
function emphasiseNotMedicalAdvice(html: string): string {
  return html.replace(/[^.<>]*\bnot\s+medical\s+advice\b[^.<>]*\./gi, (s) => {
    const lead = s.match(/^\s*/)?.[0] ?? "";
    return `${lead}<strong class="not-advice">${s.slice(lead.length)}</strong>`;
  });
}

/** Render one Markdown document split into `## ` sections (the methodology page). */
export function renderSections(
  sections: Record<string, string>,
  headings: readonly string[],
  bibliography: Bibliography,
): RenderedSections {
  const numbers = new SourceNumbers();
  const ids = new Set<string>();
  const rendered = headings.map((heading) => {
    let id = slugify(heading) || "section";
    for (let n = 2; ids.has(id); n++) id = `${slugify(heading)}-${n}`;
    ids.add(id);
    const html = linkCitations(renderMarkdown(sections[heading] ?? ""), bibliography, numbers);
    return { id, heading, html: emphasiseNotMedicalAdvice(html) };
  });
  return { sections: rendered, cited: numbers.keys };
}

/**
 * Article sections rendered once per published revision: a revision never changes, so its HTML can
 * be kept. Bounded, oldest dropped first, so a long-running server with many edits stays small.
 * One renderer per server (revision ids are per database).
 */
export class SectionRenderer {
  private readonly memo = new Map<number, RenderedSections>();

  constructor(
    private readonly bibliography: Bibliography,
    private readonly limit = 4000,
  ) {}

  render(revision: Revision): RenderedSections {
    const hit = this.memo.get(revision.id);
    if (hit) return hit;
    const sections = revision.sections ?? {};
    const rendered = renderSections(sections, orderedHeadings(sections), this.bibliography);
    if (this.memo.size >= this.limit) {
      const oldest = this.memo.keys().next().value;
      if (oldest !== undefined) this.memo.delete(oldest);
    }
    this.memo.set(revision.id, rendered);
    return rendered;
  }
}
