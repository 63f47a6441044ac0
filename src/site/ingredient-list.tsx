import type { Ingredient } from "../ingredients/types.js";

/** A browse list: name linked, the INCI name when the display name differs, articles marked. */
export function IngredientList(props: { items: readonly Ingredient[]; start?: number }) {
  return (
    <ol class="ingredient-list" start={props.start}>
      {props.items.map((i) => (
        <li key={i.slug}>
          <a href={`/ingredients/${i.slug}`}>{i.name}</a>
          {i.name.toUpperCase() !== i.inci && <span class="muted inci">{i.inci}</span>}
          {i.hasArticle && <span class="badge">article</span>}
        </li>
      ))}
    </ol>
  );
}
