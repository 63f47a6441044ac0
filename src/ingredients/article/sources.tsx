import type { Reference } from "../corpus.js";
import type { Bibliography } from "./citations.js";

/** Only web addresses become links: a `javascript:` or `data:` URL in the content stays text. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\/[^\s"<>]+$/i.test(url) ? url : null;
}

function SourceText(props: { citeKey: string; reference: Reference | undefined }) {
  const r = props.reference;
  // A key without a bibliography entry is shown as it is rather than dropped or invented.
  if (!r) return <code>{props.citeKey}</code>;
  const url = safeHttpUrl(r.url);
  return (
    <>
      {r.author && <span class="source-author">{r.author}</span>}
      {r.author && (r.year ? ` (${r.year}). ` : ". ")}
      {!r.author && r.year ? `(${r.year}). ` : ""}
      <cite>{r.title}</cite>
      {r.journal ? `. ${r.journal}.` : "."}
      {url && (
        <>
          {" "}
          <a class="source-url" href={url}>
            {url}
          </a>
        </>
      )}
    </>
  );
}

/** The numbered source list of a page; item n has the id "source-n" that the text's markers link to. */
export function SourceList(props: { keys: readonly string[]; bibliography: Bibliography }) {
  return (
    <section id="sources" class="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources</h2>
      {props.keys.length === 0 ? (
        <p>No source is listed for this entry yet.</p>
      ) : (
        <ol>
          {props.keys.map((key, i) => (
            <li id={`source-${i + 1}`} key={key}>
              <SourceText citeKey={key} reference={props.bibliography.get(key)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "[1], [3]": links to the numbered sources, for a rating's own citations. */
export function CiteLinks(props: { numbers: readonly number[] }) {
  return (
    <>
      {props.numbers.map((n, i) => (
        <>
          {i > 0 && ", "}
          <a href={`#source-${n}`} aria-label={`Source ${n}`}>
            [{n}]
          </a>
        </>
      ))}
    </>
  );
}
