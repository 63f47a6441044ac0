import { type ArticleCorrection, ArticleCorrections } from "../../corrections/components.js";
import { FeedbackForm } from "../../feedback/components.js";
import { NewsletterForm } from "../../newsletter/components.js";
import { Layout, type Site } from "../../web/layout.js";
import { Toc } from "../../web/toc.js";
import type { Revision } from "../revisions.js";
import type { Ingredient } from "../types.js";
import { type Bibliography, SourceNumbers } from "./citations.js";
import { ComedogenicRating } from "./comedogenic.js";
import { FactsPanel } from "./facts-panel.js";
import { PageHeader } from "./header.js";
import { formatDate } from "./labels.js";
import { RelatedList } from "./related.js";
import type { RenderedSections } from "./sections.js";
import { SourceList } from "./sources.js";

export interface ArticleView {
  site: Site;
  ingredient: Ingredient;
  revision: Revision;
  rendered: RenderedSections;
  related: readonly Ingredient[];
  bibliography: Bibliography;
  /** Revisions marked as corrections, newest first (the corrections log). */
  corrections?: readonly ArticleCorrection[];
}

const COMEDOGENIC = "Comedogenic rating";

export function articleTitle(ingredient: Ingredient): string {
  return `${ingredient.name}: What It Is, Cosmetic Uses, Benefits & Side Effects`;
}

/** Sources cited in the text keep their numbers; the entry's own source lists follow. */
function numberSources(view: ArticleView) {
  const numbers = new SourceNumbers();
  for (const key of view.rendered.cited) numbers.add(key);
  const rating = (view.ingredient.comedogenic?.sources ?? []).map((k) => numbers.add(k));
  for (const key of view.ingredient.sources) numbers.add(key);
  for (const key of view.ingredient.irritancy?.sources ?? []) numbers.add(key);
  return { keys: numbers.keys, rating };
}

export function Provenance(props: { reviewed: string | null }) {
  return (
    <p class="provenance">
      Facts checked against the INCI nomenclature, the EU CosIng database and the annexes of the EU Cosmetics
      Regulation
      {props.reviewed && (
        <>
          {" "}
          on <time datetime={props.reviewed}>{formatDate(props.reviewed)}</time>
        </>
      )}
      ; the concrete sources are listed, numbered, <a href="#sources">at the end</a>.
    </p>
  );
}

function ArticleToc(props: { sections: RenderedSections["sections"] }) {
  const items = [...props.sections, { id: "facts", heading: "Facts" }, { id: "sources", heading: "Sources" }];
  return <Toc title="Inside this article" items={items} />;
}

function jsonLd(view: ArticleView, url: string): object {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: articleTitle(view.ingredient),
    description: view.ingredient.summary ?? undefined,
    dateModified: view.revision.createdAt,
    url,
    mainEntityOfPage: url,
    inLanguage: "en",
    about: { "@type": "Thing", name: view.ingredient.name, alternateName: view.ingredient.inci },
    publisher: { "@type": "Organization", name: "INCI Atlas", url: view.site.publicUrl },
  };
}

/** A full article, in the order PRODUCT.md gives ("The ingredient article"). */
export function ArticlePage(view: ArticleView) {
  const { ingredient, revision, rendered } = view;
  const path = `/ingredients/${ingredient.slug}`;
  const url = `${view.site.publicUrl}${path}`;
  const title = articleTitle(ingredient);
  const sources = numberSources(view);
  const ratingSection = rendered.sections.find((s) => s.heading === COMEDOGENIC);
  return (
    <Layout
      site={view.site}
      title={`${title} | INCI Atlas`}
      description={ingredient.summary ?? undefined}
      path={path}
      ogType="article"
      jsonLd={jsonLd(view, url)}
    >
      <article class="article">
        <PageHeader title={title} url={url} revision={revision} />
        <Provenance reviewed={ingredient.reviewed} />
        <ArticleToc sections={rendered.sections} />
        {rendered.sections.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`}>
            <h2 id={`${s.id}-title`}>{s.heading}</h2>
            <div class="prose" dangerouslySetInnerHTML={{ __html: s.html }} />
            {s.heading === COMEDOGENIC && (
              <ComedogenicRating rating={ingredient.comedogenic} sourceNumbers={sources.rating} />
            )}
          </section>
        ))}
        <FactsPanel ingredient={ingredient} ratingLink={ratingSection ? `#${ratingSection.id}` : undefined} />
        <SourceList keys={sources.keys} bibliography={view.bibliography} />
        <ArticleCorrections corrections={view.corrections} />
      </article>
      <FeedbackForm slug={ingredient.slug} revisionNumber={revision.number} />
      <RelatedList items={view.related} />
      <NewsletterForm />
    </Layout>
  );
}
