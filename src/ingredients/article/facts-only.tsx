import { type ArticleCorrection, ArticleCorrections } from "../../corrections/components.js";
import { FeedbackForm } from "../../feedback/components.js";
import { NewsletterForm } from "../../newsletter/components.js";
import { Layout, type Site } from "../../web/layout.js";
import type { Revision } from "../revisions.js";
import type { Ingredient } from "../types.js";
import { type Bibliography, SourceNumbers } from "./citations.js";
import { ComedogenicRating } from "./comedogenic.js";
import { FactsPanel } from "./facts-panel.js";
import { PageHeader } from "./header.js";
import { formatDate } from "./labels.js";
import { RelatedList } from "./related.js";
import { SourceList } from "./sources.js";

export interface FactsOnlyView {
  site: Site;
  ingredient: Ingredient;
  /** Null for an ingredient known only from an imported inventory. */
  revision: Revision | null;
  /** CosIng's chemical name or description, when an import stored one. */
  description: string | null;
  related: readonly Ingredient[];
  bibliography: Bibliography;
  /** Revisions marked as corrections, newest first (the corrections log). */
  corrections?: readonly ArticleCorrection[];
}

/** Sources of imported facts: the inventory itself, and the regulation when an annex entry is linked. */
function sourceKeys(view: FactsOnlyView): { keys: string[]; rating: number[] } {
  const numbers = new SourceNumbers();
  const i = view.ingredient;
  const rating = (i.comedogenic?.sources ?? []).map((k) => numbers.add(k));
  for (const key of i.sources) numbers.add(key);
  if (i.source === "cosing") {
    if (view.bibliography.has("cosing")) numbers.add("cosing");
    if (i.regulations.length > 0 && view.bibliography.has("reg-1223-2009")) numbers.add("reg-1223-2009");
  }
  return { keys: numbers.keys, rating };
}

function Notice(props: { view: FactsOnlyView }) {
  const { ingredient: i } = props.view;
  if (i.source === "cosing") {
    return (
      <p class="notice">
        We have not written an article about this ingredient yet. Below are the facts we hold from the EU
        CosIng inventory and the annexes of Regulation (EC) No 1223/2009, as imported; no editor has reviewed
        them.
      </p>
    );
  }
  return (
    <p class="notice">
      We have not written a full article about this ingredient yet. An editor checked the facts below against
      their sources{i.reviewed ? ` on ${formatDate(i.reviewed)}` : ""}.
    </p>
  );
}

/** The honest page of an ingredient without an article: what we know, and nothing made up. */
export function FactsOnlyPage(view: FactsOnlyView) {
  const { ingredient: i } = view;
  const path = `/ingredients/${i.slug}`;
  const url = `${view.site.publicUrl}${path}`;
  const sources = sourceKeys(view);
  const imported = i.source === "cosing";
  const title = `${i.name}: facts, functions and EU status`;
  return (
    <Layout
      site={view.site}
      title={`${title} | INCI Atlas`}
      description={i.summary ?? `${i.inci}: CosIng functions, identifiers and EU regulatory status.`}
      path={path}
      // Imported-only pages repeat CosIng and are left out of the sitemap: keep them out of indexes too.
      head={imported ? <meta name="robots" content="noindex, follow" /> : undefined}
    >
      <article class="article facts-only">
        <PageHeader title={title} url={url} revision={view.revision} />
        <Notice view={view} />
        {i.summary && <p class="summary">{i.summary}</p>}
        {view.description && (
          <p>
            <strong>CosIng description:</strong> {view.description}
          </p>
        )}
        {!imported && (
          <section id="comedogenic-rating" aria-labelledby="comedogenic-rating-title">
            <h2 id="comedogenic-rating-title">Comedogenic rating</h2>
            <ComedogenicRating rating={i.comedogenic} sourceNumbers={sources.rating} />
          </section>
        )}
        <FactsPanel ingredient={i} ratingLink={imported ? undefined : "#comedogenic-rating"} />
        <SourceList keys={sources.keys} bibliography={view.bibliography} />
        <ArticleCorrections corrections={view.corrections} />
      </article>
      <FeedbackForm slug={i.slug} revisionNumber={view.revision?.number ?? null} />
      <RelatedList items={view.related} />
      <NewsletterForm />
    </Layout>
  );
}
