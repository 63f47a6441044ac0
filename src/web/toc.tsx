/** A table of contents: the page's sections as anchors, plus any fixed parts that follow them. */
export function Toc(props: { title: string; items: ReadonlyArray<{ id: string; heading: string }> }) {
  return (
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{props.title}</h2>
      <ol>
        {props.items.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.heading}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
