import type { Revision } from "../revisions.js";
import { formatDate } from "./labels.js";

/** Share links: e-mail works everywhere; copy and the system share sheet appear only with JavaScript. */
export function ShareLinks(props: { url: string; title: string }) {
  const mailto = `mailto:?subject=${encodeURIComponent(props.title)}&body=${encodeURIComponent(props.url)}`;
  return (
    <div class="share no-print">
      <span class="share-label">Share:</span>
      <a href={mailto}>E-mail</a>
      <button type="button" class="link-button" data-copy-url={props.url} hidden>
        Copy link
      </button>
      <button
        type="button"
        class="link-button"
        data-share-url={props.url}
        data-share-title={props.title}
        hidden
      >
        Share…
      </button>
      <span class="share-status" role="status" aria-live="polite" />
    </div>
  );
}

/** "Updated on 26 November 2026 · revision 2": the date and number of the published revision. */
export function UpdatedOn(props: { revision: Revision | null }) {
  const r = props.revision;
  if (!r) return <p class="article-meta">Not yet reviewed by an editor.</p>;
  return (
    <p class="article-meta">
      Updated on <time datetime={r.createdAt}>{formatDate(r.createdAt)}</time>
      <span class="meta-sep"> · </span>revision {r.number}
    </p>
  );
}

export function PageHeader(props: { title: string; url: string; revision: Revision | null }) {
  return (
    <header class="article-header">
      <h1>{props.title}</h1>
      <UpdatedOn revision={props.revision} />
      <ShareLinks url={props.url} title={props.title} />
    </header>
  );
}
