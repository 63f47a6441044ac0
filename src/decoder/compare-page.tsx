import type { AnalysisJson } from "../analyzer/presenter.js";
import type { AppError } from "../errors.js";
import { Layout, type Site } from "../web/layout.js";
import { renderDocument } from "../web/render.js";
import { AnalysisView } from "./analysis-view.js";
import { type compareLabels, MAX_HTTP_LABEL_CHARS } from "./api.js";
import { ErrorBox } from "./decode-page.js";
import { concernsOf } from "./vocabulary.js";

export interface CompareState {
  a: string;
  b: string;
  result?: ReturnType<typeof compareLabels>;
  error?: AppError;
}

/** The name of a recognised ingredient by slug, for the shared / only-in lists. */
export type NameOf = (slug: string) => string;

function CompareForm({ a, b }: { a: string; b: string }) {
  const box = (id: "a" | "b", value: string) => (
    <div class="compare-input">
      <label for={`compare-${id}`}>List {id.toUpperCase()}</label>
      <textarea
        id={`compare-${id}`}
        name={id}
        rows={7}
        maxLength={MAX_HTTP_LABEL_CHARS}
        spellcheck={false}
        value={value}
      />
    </div>
  );
  return (
    <form class="compare-form" method="get" action="/compare">
      <div class="compare-inputs">
        {box("a", a)}
        {box("b", b)}
      </div>
      <button type="submit">Compare</button>
    </form>
  );
}

function SlugList({ title, slugs, nameOf }: { title: string; slugs: string[]; nameOf: NameOf }) {
  return (
    <section class="overlap-list">
      <h3>
        {title} ({slugs.length})
      </h3>
      {slugs.length === 0 ? (
        <p>none</p>
      ) : (
        <ul>
          {slugs.map((slug) => (
            <li key={slug}>
              <a href={`/ingredients/${slug}`}>{nameOf(slug)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Flag = AnalysisJson["flags"][number];

function FlagDiff({ title, flags, side }: { title: string; flags: Flag[]; side: "a" | "b" }) {
  if (flags.length === 0) return null;
  return (
    <>
      <p>{title}</p>
      <ul class="flag-diff">
        {flags.map((f) => (
          <li key={f.id} class={`flag-chip sev-${f.severity}`} data-concerns={concernsOf(f.id) || undefined}>
            <a href={`#${side}-flag-${f.id}`}>{f.title}</a> (<code>{f.id}</code>)
          </li>
        ))}
      </ul>
    </>
  );
}

function Overlap({ result, nameOf }: { result: NonNullable<CompareState["result"]>; nameOf: NameOf }) {
  const idsOf = (flags: Flag[]) => new Set(flags.map((f) => f.id));
  const inA = idsOf(result.a.flags);
  const inB = idsOf(result.b.flags);
  const onlyA = result.a.flags.filter((f) => !inB.has(f.id));
  const onlyB = result.b.flags.filter((f) => !inA.has(f.id));
  return (
    <section aria-labelledby="overlap-h">
      <h2 id="overlap-h">How the lists differ</h2>
      <p class="matters-summary" data-matters-summary hidden />
      <div class="overlap">
        <SlugList title="In both" slugs={result.shared} nameOf={nameOf} />
        <SlugList title="Only in A" slugs={result.onlyA} nameOf={nameOf} />
        <SlugList title="Only in B" slugs={result.onlyB} nameOf={nameOf} />
      </div>
      <h3>Flags that differ</h3>
      {onlyA.length + onlyB.length === 0 && <p>Both lists raise the same flags.</p>}
      <FlagDiff title="Only list A raises:" flags={onlyA} side="a" />
      <FlagDiff title="Only list B raises:" flags={onlyB} side="b" />
    </section>
  );
}

/** Two ingredient lists side by side: what they share, what only one holds, and which flags differ. */
export function renderComparePage(site: Site, state: CompareState, nameOf: NameOf): string {
  const { result } = state;
  return renderDocument(
    <Layout
      site={site}
      title="Compare two ingredient lists | INCI Atlas"
      description="Paste two cosmetic ingredient lists to see the ingredients they share, those only one holds, and the flags that differ."
      path="/compare"
      head={result || state.error ? <meta name="robots" content="noindex" /> : undefined}
    >
      <h1>Compare two ingredient lists</h1>
      <CompareForm a={state.a} b={state.b} />
      {state.error && <ErrorBox error={state.error} />}
      {result && <Overlap result={result} nameOf={nameOf} />}
      {result && (
        <div class="compare-columns">
          {(["a", "b"] as const).map((side) => (
            <section key={side} aria-labelledby={`list-${side}-h`}>
              <h2 id={`list-${side}-h`}>List {side.toUpperCase()}</h2>
              <AnalysisView analysis={result[side]} idPrefix={`${side}-`} level={3} compact />
            </section>
          ))}
        </div>
      )}
    </Layout>,
  );
}
