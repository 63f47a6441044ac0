import type { Ingredient } from "../ingredients/types.js";
import { Layout, type Site } from "../web/layout.js";
import { renderDocument } from "../web/render.js";

/** The answer to the feedback form (also to a bot that filled the honeypot: it learns nothing). */
export function renderFeedbackThanks(site: Site, ingredient: Ingredient, withComment: boolean): string {
  const article = `/ingredients/${ingredient.slug}`;
  return renderDocument(
    <Layout
      site={site}
      title="Thank you for your feedback | INCI Atlas"
      head={<meta name="robots" content="noindex" />}
    >
      <article class="form-answer">
        <h1>Thank you for your feedback</h1>
        <p>
          We recorded your answer on the article <a href={article}>{ingredient.name}</a>
          {withComment ? ", with your comment." : "."}
        </p>
        <p>
          Editors read every answer. When one leads to a correction, it is listed on the{" "}
          <a href="/corrections">corrections page</a>.
        </p>
        <p>
          <a href={article}>Back to the article</a>
        </p>
      </article>
    </Layout>,
  );
}
