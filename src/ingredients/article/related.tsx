import type { Ingredient } from "../types.js";

/** "More from INCI Atlas": links to related entries, each with its first functions. */
export function RelatedList(props: { items: readonly Ingredient[] }) {
  if (props.items.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title">More from INCI Atlas</h2>
      <ul class="card-list">
        {props.items.map((i) => (
          <li key={i.slug}>
            <a href={`/ingredients/${i.slug}`}>{i.name}</a>
            <span class="muted">
              {i.functions.slice(0, 2).join(", ")}
              {i.hasArticle ? "" : i.functions.length > 0 ? " · facts only" : "facts only"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
