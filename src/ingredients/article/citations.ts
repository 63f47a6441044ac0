import type { Reference } from "../corpus.js";

/** The bibliography by key (content/references.yaml and content/references/*.yaml), loaded once at boot. */
export type Bibliography = ReadonlyMap<string, Reference>;

/** A citation marker in Markdown text: a bibliography key in square brackets, "[cosing]". */
const MARKER = /\[([a-z0-9][a-z0-9-]*)\]/g;

/**
 * The numbered sources of one page: a key gets its number the first time it is cited (in the text
 * first, then the entry's own source lists), so the numbers in the text and in the list agree.
 */
export class SourceNumbers {
  private readonly numbers = new Map<string, number>();

  add(key: string): number {
    const known = this.numbers.get(key);
    if (known !== undefined) return known;
    const n = this.numbers.size + 1;
    this.numbers.set(key, n);
    return n;
  }

  numberOf(key: string): number | undefined {
    return this.numbers.get(key);
  }

  get keys(): string[] {
    return [...this.numbers.keys()];
  }
}

/**
 * Turn the citation markers of rendered Markdown into numbered links to the source list. Only keys
 * of the bibliography are touched: any other bracketed text stays as the author wrote it. The
 * replacement is our own markup, so escaping done by the Markdown renderer is kept.
 */
export function linkCitations(html: string, bibliography: Bibliography, numbers: SourceNumbers): string {
  return html.replace(MARKER, (whole, key: string) => {
    if (!bibliography.has(key)) return whole;
    const n = numbers.add(key);
    return `<sup class="cite"><a href="#source-${n}" aria-label="Source ${n}">[${n}]</a></sup>`;
  });
}
