import { formatDate } from "../ingredients/article/labels.js";
import type { Ingredient } from "../ingredients/types.js";
import { NewsletterForm } from "../newsletter/components.js";
import { Layout, type Site } from "../web/layout.js";

export interface RecentArticle {
  ingredient: Ingredient;
  updatedAt: string;
}

/** Longest label the decoder takes over HTTP (the issue's limit). */
const MAX_LABEL = 20000;

function SearchBox() {
  return (
    <section class="home-search" aria-labelledby="home-search-title">
      <h2 id="home-search-title">Look up an ingredient</h2>
      <form action="/search" method="get" class="big-search">
        <label for="home-q">Name, INCI name, alias, CAS or EC number</label>
        <div class="field-row">
          <input
            id="home-q"
            name="q"
            type="search"
            required
            maxLength={200}
            autocomplete="off"
            placeholder="niacinamide, vitamin E, CI 77891"
            data-suggest=""
          />
          <button type="submit">Search</button>
        </div>
      </form>
    </section>
  );
}

function DecoderBox() {
  return (
    <section class="home-decoder" aria-labelledby="home-decoder-title">
      <h2 id="home-decoder-title">Decode an ingredient list</h2>
      <form action="/decode" method="get">
        <label for="home-text">Paste the ingredient list from a product's label</label>
        <textarea
          id="home-text"
          name="text"
          rows={5}
          required
          maxLength={MAX_LABEL}
          placeholder="Aqua, Glycerin, Niacinamide, Parfum, Linalool"
        />
        <button type="submit">Decode the list</button>
      </form>
    </section>
  );
}

function Recent(props: { items: readonly RecentArticle[] }) {
  return (
    <section class="home-recent" aria-labelledby="home-recent-title">
      <h2 id="home-recent-title">Recently updated articles</h2>
      {props.items.length === 0 ? (
        <p>No article has been published yet.</p>
      ) : (
        <ul class="card-list">
          {props.items.map(({ ingredient, updatedAt }) => (
            <li key={ingredient.slug}>
              <a href={`/ingredients/${ingredient.slug}`}>{ingredient.name}</a>
              <span class="muted">
                Updated on <time datetime={updatedAt}>{formatDate(updatedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HomePage(props: { site: Site; recent: readonly RecentArticle[]; articleCount: number }) {
  return (
    <Layout
      site={props.site}
      title="INCI Atlas: cosmetic ingredients explained, labels decoded"
      description="An open encyclopedia of cosmetic ingredients with cited sources, and a decoder for ingredient lists: EU status, fragrance allergens, comedogenic ratings with their basis, fungal-acne tiers."
      path="/"
    >
      <div class="home">
        <h1>What is in your cosmetics?</h1>
        <p class="lead">
          INCI Atlas explains cosmetic ingredients from cited sources ({props.articleCount} articles so far)
          and decodes whole ingredient lists, flag by flag, each flag with its reason and source.
        </p>
        <SearchBox />
        <DecoderBox />
        <Recent items={props.recent} />
        <section class="home-browse" aria-labelledby="home-browse-title">
          <h2 id="home-browse-title">Browse</h2>
          <ul class="link-list">
            <li>
              <a href="/ingredients">All ingredients from A to Z</a>
            </li>
            <li>
              <a href="/functions">Ingredients by function</a>
            </li>
            <li>
              <a href="/methodology">How we research, rate and correct</a>
            </li>
          </ul>
        </section>
        <NewsletterForm />
      </div>
    </Layout>
  );
}
