import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import { formatDate } from "../ingredients/article/labels.js";
import type { WebContext } from "../server/compose.js";
import { Pagination } from "../site/pagination.js";
import { sendPage } from "../web/http.js";
import { Layout, type Site } from "../web/layout.js";
import { renderDocument } from "../web/render.js";
import { type Correction, listCorrections } from "./repository.js";

const PER_PAGE = 50;
const query = z.strictObject({ page: z.coerce.number().int().min(1).max(10_000).optional() });

function CorrectionsPage(props: {
  site: Site;
  corrections: Correction[];
  page: number;
  pages: number;
  total: number;
}) {
  return (
    <Layout
      site={props.site}
      title="Corrections | INCI Atlas"
      description="Every correction to an INCI Atlas article: what changed, when and why."
      path={props.page === 1 ? "/corrections" : `/corrections?page=${props.page}`}
    >
      <article class="corrections-log">
        <h1>Corrections</h1>
        <p>
          When we find or are told about a factual error, we fix the article and list the correction here:
          what changed, when and why. Smaller edits (wording, new sources) are not listed; every article shows
          its date and revision. Tell us about an error with the feedback form at the end of any article.
        </p>
        {props.total === 0 ? (
          <p>No correction has been published yet.</p>
        ) : (
          <ol class="corrections-list" id="corrections-list">
            {props.corrections.map((c) => (
              <li key={`${c.ingredientId}-${c.number}`}>
                <a href={`/ingredients/${c.slug}`}>{c.name}</a>,{" "}
                <time datetime={c.createdAt}>{formatDate(c.createdAt)}</time> (revision {c.number}): {c.note}
              </li>
            ))}
          </ol>
        )}
        <Pagination page={props.page} pages={props.pages} href={(n) => `/corrections?page=${n}`} />
      </article>
    </Layout>
  );
}

/** /corrections: the public log of revisions marked as corrections, newest first. Cached like every public page. */
export async function correctionRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/corrections", { schema: { querystring: query } }, async (request, reply) => {
    const page = request.query.page ?? 1;
    // Each page number is one cache entry; the content change of a publish clears them all.
    const rendered = await ctx.pages.get(`/corrections?page=${page}`, async () => {
      const { corrections, total } = await listCorrections(ctx.database.db, PER_PAGE, (page - 1) * PER_PAGE);
      const pages = Math.max(1, Math.ceil(total / PER_PAGE));
      if (page > pages) throw new AppError("not_found", "There is no such page of corrections.");
      return renderDocument(
        <CorrectionsPage site={ctx.site} corrections={corrections} page={page} pages={pages} total={total} />,
      );
    });
    return sendPage(request, reply, rendered);
  });
}
