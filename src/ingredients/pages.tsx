import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.js";
import type { WebContext } from "../server/compose.js";
import { sendPage } from "../web/http.js";
import { Layout } from "../web/layout.js";
import { renderMarkdown } from "../web/markdown.js";
import { renderDocument } from "../web/render.js";
import { findPublishedRevision } from "./revisions.js";
import { resolveSlug } from "./slugs.js";

export async function ingredientPageRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  app.get<{ Params: { slug: string } }>("/ingredients/:slug", async (request, reply) => {
    const slug = request.params.slug.slice(0, 200);
    const match = resolveSlug(ctx.dictionary, slug);
    if (!match) throw new AppError("not_found", `We have no ingredient at "${slug}".`);
    if (!match.canonical) return reply.redirect(`/ingredients/${match.ingredient.slug}`, 301);
    const ingredient = match.ingredient;
    const page = await ctx.pages.get(request.url, async () => {
      const revision = await findPublishedRevision(ctx.database.db, ingredient.id);
      return renderDocument(
        <Layout
          site={ctx.site}
          title={`${ingredient.name} | INCI Atlas`}
          path={`/ingredients/${ingredient.slug}`}
        >
          <article>
            <h1>{ingredient.name}</h1>
            {Object.entries(revision?.sections ?? {}).map(([heading, body]) => (
              <section key={heading}>
                <h2>{heading}</h2>
                <div dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
              </section>
            ))}
          </article>
        </Layout>,
      );
    });
    return sendPage(request, reply, page);
  });
}
