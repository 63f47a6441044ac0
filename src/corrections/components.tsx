import { formatDate } from "../ingredients/article/labels.js";

export interface ArticleCorrection {
  number: number;
  note: string;
  createdAt: string;
}

/** "Corrections" on an article's page, near its sources: shown only when there are any. */
export function ArticleCorrections(props: { corrections: readonly ArticleCorrection[] | undefined }) {
  const list = props.corrections ?? [];
  if (list.length === 0) return null;
  return (
    <section id="corrections" class="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">Corrections</h2>
      <ul>
        {list.map((c) => (
          <li key={c.number}>
            <time datetime={c.createdAt}>{formatDate(c.createdAt)}</time> (revision {c.number}): {c.note}
          </li>
        ))}
      </ul>
      <p>
        <a href="/corrections">All corrections</a>
      </p>
    </section>
  );
}
