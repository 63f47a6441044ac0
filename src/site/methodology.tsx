import type { Bibliography } from "../ingredients/article/citations.js";
import { SourceList } from "../ingredients/article/sources.js";
import { Layout, type Site } from "../web/layout.js";
import { Toc } from "../web/toc.js";
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
        <Toc title="On this page" items={[...doc.sections, { id: "sources", heading: "Sources" }]} />
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
