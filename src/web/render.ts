import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/**
 * Pages are Preact components rendered to a string on the server. Preact escapes every text child
 * and attribute, so reader-supplied text cannot become markup; the only way to insert markup is
 * `dangerouslySetInnerHTML`, used solely for our own Markdown rendering (see markdown.ts).
 */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
