import type { Bibliography } from "../ingredients/article/citations.js";
import { SourceList } from "../ingredients/article/sources.js";
import { Layout, type Site } from "../web/layout.js";
import type { RenderedDocument } from "./content.js";

/** /methodology: content/methodology.md, its citations numbered against the bibliography. */
export function MethodologyPage(props: { site: Site; doc: RenderedDocument; bibliography: Bibliography }) {
  const { doc } = props;
  return (
    <Layout
      site={props.site}
      title={`${doc.title} | INCI Atlas`}
      description="Where INCI Atlas's facts come from, how they are checked and corrected, and how to read comedogenic ratings, fungal-acne tiers and EU flags."
      path="/methodology"
    >
      <article class="article methodology">
        <h1>{doc.title}</h1>
        <div class="prose" dangerouslySetInnerHTML={{ __html: doc.intro }} />
        <nav class="toc" aria-labelledby="toc-title">
          <h2 id="toc-title">On this page</h2>
          <ol>
            {doc.sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.heading}</a>
              </li>
            ))}
            <li>
              <a href="#sources">Sources</a>
            </li>
          </ol>
        </nav>
        {doc.sections.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`}>
            <h2 id={`${s.id}-title`}>{s.heading}</h2>
            <div class="prose" dangerouslySetInnerHTML={{ __html: s.html }} />
          </section>
        ))}
        <SourceList keys={doc.sources} bibliography={props.bibliography} />
      </article>
    </Layout>
  );
}
