import MarkdownIt from "markdown-it";

// Raw HTML is off: an article's Markdown can produce only Markdown's own elements, so an editor's
// typo (or a pasted script tag) is shown as text, never run.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Article Markdown to HTML. The only source of `dangerouslySetInnerHTML` on the site. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

/** One line of inline Markdown (no paragraph wrapper). */
export function renderInlineMarkdown(markdown: string): string {
  return md.renderInline(markdown);
}
