import { type DictionaryIndex, type FunctionGroup, LETTERS, type Letter } from "../ingredients/browse.js";
import { Layout, type Site } from "../web/layout.js";
import { IngredientList } from "./ingredient-list.js";
import { PAGE_SIZE, type PageSlice, Pagination } from "./pagination.js";

function letterName(letter: Letter): string {
  return letter === "0-9" ? "0-9" : letter.toUpperCase();
}

export function letterHref(letter: Letter, page = 1): string {
  return `/ingredients?letter=${encodeURIComponent(letter)}${page > 1 ? `&page=${page}` : ""}`;
}

function LetterNav(props: { index: DictionaryIndex; current: Letter | null }) {
  return (
    <nav class="letters" aria-label="Letters">
      <ul>
        {LETTERS.map((letter) => {
          const count = props.index.letters.get(letter)?.length ?? 0;
          const label = `${letterName(letter)}: ${count} ingredients`;
          return (
            <li key={letter}>
              {count === 0 ? (
                <span class="empty" title={label}>
                  {letterName(letter)}
                </span>
              ) : (
                <a
                  href={letterHref(letter)}
                  aria-label={label}
                  aria-current={letter === props.current ? "page" : undefined}
                >
                  {letterName(letter)}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** /ingredients: the letters, and the list of full articles. */
export function AzIndexPage(props: { site: Site; index: DictionaryIndex; total: number }) {
  const { index } = props;
  return (
    <Layout site={props.site} title="Ingredients from A to Z | INCI Atlas" path="/ingredients">
      <h1>Ingredients from A to Z</h1>
      <p>
        {props.total} ingredients, {index.articles.length} of them with a full article. Pick a letter, or
        browse <a href="/functions">by function</a>.
      </p>
      <LetterNav index={index} current={null} />
      <section aria-labelledby="articles-title">
        <h2 id="articles-title">Full articles</h2>
        <IngredientList items={index.articles} />
      </section>
    </Layout>
  );
}

/** /ingredients?letter=a&page=2 */
export function LetterPage(props: {
  site: Site;
  index: DictionaryIndex;
  letter: Letter;
  slice: PageSlice<DictionaryIndex["articles"][number]>;
}) {
  const { letter, slice } = props;
  const pageNote = slice.pages > 1 ? `, page ${slice.page} of ${slice.pages}` : "";
  return (
    <Layout
      site={props.site}
      title={`Ingredients: ${letterName(letter)}${pageNote} | INCI Atlas`}
      path={letterHref(letter, slice.page)}
    >
      <h1>
        Ingredients: {letterName(letter)}
        {pageNote}
      </h1>
      <LetterNav index={props.index} current={letter} />
      <p>
        {slice.total} ingredients under {letterName(letter)}; those with a full article are marked.
      </p>
      {slice.total === 0 ? (
        <p>No ingredient starts with this letter yet.</p>
      ) : (
        <IngredientList items={slice.items} start={(slice.page - 1) * PAGE_SIZE + 1} />
      )}
      <Pagination page={slice.page} pages={slice.pages} href={(n) => letterHref(letter, n)} />
    </Layout>
  );
}

/** /functions: every CosIng function with its number of ingredients. */
export function FunctionsPage(props: { site: Site; functions: readonly FunctionGroup[] }) {
  return (
    <Layout site={props.site} title="Ingredients by function | INCI Atlas" path="/functions">
      <h1>Ingredients by function</h1>
      <p>
        The functions are those of the European Commission's CosIng database: what an ingredient is used for
        in a cosmetic product.
      </p>
      <ul class="function-list">
        {props.functions.map((f) => (
          <li key={f.slug}>
            <a href={`/functions/${f.slug}`}>{f.name}</a> <span class="muted">{f.ingredients.length}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function functionHref(slug: string, page = 1): string {
  return `/functions/${slug}${page > 1 ? `?page=${page}` : ""}`;
}

/** /functions/<slug>: the ingredients with one function, articles first. */
export function FunctionPage(props: {
  site: Site;
  group: FunctionGroup;
  slice: PageSlice<FunctionGroup["ingredients"][number]>;
}) {
  const { group, slice } = props;
  const pageNote = slice.pages > 1 ? ` (page ${slice.page} of ${slice.pages})` : "";
  return (
    <Layout
      site={props.site}
      title={`${group.name}: ingredients with this function${pageNote} | INCI Atlas`}
      path={functionHref(group.slug, slice.page)}
    >
      <h1>
        {group.name}
        {pageNote}
      </h1>
      <p>
        {slice.total} ingredients have the CosIng function "{group.name}"; those with a full article come
        first. <a href="/functions">All functions</a>
      </p>
      <IngredientList items={slice.items} start={(slice.page - 1) * PAGE_SIZE + 1} />
      <Pagination page={slice.page} pages={slice.pages} href={(n) => functionHref(group.slug, n)} />
    </Layout>
  );
}
