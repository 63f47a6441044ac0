import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { WebContext } from "../server/compose.js";
import { Pagination } from "../site/pagination.js";
import { SHORT_CACHE, sendPage } from "../web/http.js";
import { Layout, type Site } from "../web/layout.js";
import { makePage } from "../web/page-cache.js";
import { renderDocument } from "../web/render.js";
import { MAX_QUERY_CHARS } from "./api.js";
import type { SearchHit, SearchResults } from "./index.js";

const RESULTS_PER_PAGE = 20;
const EXAMPLES = ["niacinamde", "vitamin e", "CI 77891", "56-81-5", "shea butter"];

// Not strict: links from elsewhere may carry tracking parameters, and a reader should still get results.
const pageQuery = z.object({
  q: z.string().max(MAX_QUERY_CHARS).default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const searchHref = (q: string, page = 1) =>
  `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ""}`;

function SearchForm({ q }: { q: string }) {
  return (
    <search>
      <form action="/search" method="get" class="search-form">
        <label for="search-q">Name, INCI name, alias, CAS or EC number</label>
        <div class="search-row">
          <input
            id="search-q"
            name="q"
            type="search"
            value={q}
            maxLength={MAX_QUERY_CHARS}
            autocomplete="off"
            data-suggest=""
          />
          <button type="submit">Search</button>
        </div>
      </form>
    </search>
  );
}

/** Show the name that matched only when it is not already the title or the INCI name. */
function matchedNote(hit: SearchHit): string | null {
  const matched = hit.matchedName.toUpperCase();
  const { name, inci } = hit.ingredient;
  return matched === name.toUpperCase() || matched === inci ? null : hit.matchedName;
}

function Result({ hit }: { hit: SearchHit }) {
  const { ingredient } = hit;
  const matched = matchedNote(hit);
  return (
    <li class="search-result">
      <h2>
        <a href={`/ingredients/${ingredient.slug}`}>{ingredient.name}</a>
      </h2>
      <p class="search-meta">
        <span>
          INCI name: <span class="search-inci">{ingredient.inci}</span>
        </span>
        {matched && <span>Matched: {matched}</span>}
        {hit.kind === "exact" && <span class="badge">exact match</span>}
        {ingredient.hasArticle ? <span class="badge">article</span> : <span class="badge">facts only</span>}
      </p>
      {ingredient.functions.length > 0 && (
        <p class="search-functions">Functions: {ingredient.functions.join(", ")}</p>
      )}
    </li>
  );
}

function NoResults({ q }: { q: string }) {
  return (
    <section class="no-results" aria-labelledby="no-results-h">
      <h2 id="no-results-h">No ingredient matches “{q}”</h2>
      <ul>
        <li>Check the spelling, or type the first letters of the name: suggestions appear as you type.</li>
        <li>Use the name as printed on the label: the INCI name (“Aqua”), or a common name (“Vitamin E”).</li>
        <li>Search one ingredient at a time; to check a whole ingredient list, use the label decoder.</li>
        <li>
          A CAS number looks like 56-81-5, an EC number like 200-289-5, a colour index number like CI 77891.
        </li>
      </ul>
      <p>
        <a href="/decode">Decode a label</a> · <a href="/ingredients">Browse ingredients A-Z</a>
      </p>
    </section>
  );
}

function Intro() {
  return (
    <section aria-labelledby="examples-h">
      <h2 id="examples-h">Examples</h2>
      <ul class="search-examples">
        {EXAMPLES.map((example) => (
          <li key={example}>
            <a href={searchHref(example)}>{example}</a>
          </li>
        ))}
      </ul>
      <p>
        Or <a href="/ingredients">browse every ingredient A-Z</a>.
      </p>
    </section>
  );
}

export function SearchPage(props: { site: Site; q: string; page: number; results: SearchResults | null }) {
  const { site, q, results } = props;
  const hits = results?.hits ?? [];
  const pages = Math.max(1, Math.ceil(hits.length / RESULTS_PER_PAGE));
  // A page past the end (an old link after the content changed) shows the last one.
  const page = Math.min(props.page, pages);
  const start = (page - 1) * RESULTS_PER_PAGE;
  const count = `${hits.length.toLocaleString("en")} ${hits.length === 1 ? "ingredient matches" : "ingredients match"}`;
  return (
    <Layout
      site={site}
      title={q ? `“${q}”: ingredient search | INCI Atlas` : "Search ingredients | INCI Atlas"}
      description="Search cosmetic ingredients by INCI name, common name, CAS or EC number."
      path="/search"
      head={<meta name="robots" content="noindex, follow" />}
    >
      <h1>Search ingredients</h1>
      <SearchForm q={q} />
      {results === null ? (
        <Intro />
      ) : hits.length === 0 ? (
        <NoResults q={q} />
      ) : (
        <>
          <p class="search-count" role="status">
            {count} “{q}”{pages > 1 && `, page ${page} of ${pages}`}.
          </p>
          {results.didYouMean && page === 1 && (
            <p class="did-you-mean">
              Did you mean <a href={searchHref(results.didYouMean)}>{results.didYouMean}</a>? No name is
              spelled exactly “{q}”, so these results allow for a typo.
            </p>
          )}
          <ol class="search-results" start={start + 1}>
            {hits.slice(start, start + RESULTS_PER_PAGE).map((hit) => (
              <Result key={hit.ingredient.slug} hit={hit} />
            ))}
          </ol>
          <Pagination page={page} pages={pages} href={(n) => searchHref(q, n)} />
        </>
      )}
    </Layout>
  );
}

export async function searchPageRoutes(app: FastifyInstance, ctx: WebContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/search", { schema: { querystring: pageQuery } }, async (request, reply) => {
    const q = request.query.q.trim();
    const results = q === "" ? null : ctx.search.index.search(q);
    const html = renderDocument(
      <SearchPage site={ctx.site} q={q} page={request.query.page} results={results} />,
    );
    return sendPage(request, reply, makePage(html), SHORT_CACHE);
  });
}
