import type { DiffRow, FieldChange } from "./diff.js";

/** Side-by-side differences: facts in a table of before/after, sections line by line. */

function Cell(props: { line: DiffRow["left"]; kind: DiffRow["kind"]; side: "del" | "add" }) {
  const { line, kind, side } = props;
  if (!line) {
    return (
      <>
        <td class="diff-num" />
        <td class="diff-empty" />
      </>
    );
  }
  const changed = kind === "change";
  return (
    <>
      <td class="diff-num">{line.number}</td>
      <td class={changed ? `diff-${side}` : "diff-same"}>
        {changed && <span class="visually-hidden">{side === "del" ? "removed: " : "added: "}</span>}
        {changed && (
          <span class="diff-mark" aria-hidden="true">
            {side === "del" ? "− " : "+ "}
          </span>
        )}
        {line.text}
      </td>
    </>
  );
}

/** Unchanged stretches longer than this are folded to their first and last lines. */
const CONTEXT = 2;

function foldRows(rows: DiffRow[]): Array<DiffRow | { skipped: number }> {
  const out: Array<DiffRow | { skipped: number }> = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j]?.kind === "same") j++;
    // Context after the previous change and before the next one; none at either end of the text.
    const lead = i === 0 ? 0 : CONTEXT;
    const trail = j === rows.length ? 0 : CONTEXT;
    if (j - i > lead + trail + 1) {
      out.push(...rows.slice(i, i + lead), { skipped: j - i - lead - trail }, ...rows.slice(j - trail, j));
    } else out.push(...rows.slice(i, j));
    for (i = j; i < rows.length && rows[i]?.kind === "change"; i++) out.push(rows[i] as DiffRow);
  }
  return out;
}

function SectionDiff(props: { change: FieldChange; from: string; to: string }) {
  return (
    <div class="diff-scroll">
      <table class="diff-lines">
        <caption>{props.change.label}</caption>
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              {props.from}
            </th>
            <th scope="col" colSpan={2}>
              {props.to}
            </th>
          </tr>
        </thead>
        <tbody>
          {foldRows(props.change.rows ?? []).map((row, i) =>
            "skipped" in row ? (
              <tr key={`s${i}`}>
                <td colSpan={4} class="diff-fold">
                  {row.skipped} unchanged lines
                </td>
              </tr>
            ) : (
              <tr key={`r${i}`}>
                <Cell line={row.left} kind={row.kind} side="del" />
                <Cell line={row.right} kind={row.kind} side="add" />
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Every change between two versions; "from" and "to" name them ("Revision 3", "Your version"). */
export function ChangeList(props: { changes: FieldChange[]; from: string; to: string }) {
  const facts = props.changes.filter((c) => c.rows === null);
  const sections = props.changes.filter((c) => c.rows !== null);
  if (props.changes.length === 0) return <p class="diff-none">No differences.</p>;
  return (
    <div class="diff">
      {facts.length > 0 && (
        <div class="diff-scroll">
          <table class="diff-facts">
            <caption>Facts that differ</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">{props.from}</th>
                <th scope="col">{props.to}</th>
              </tr>
            </thead>
            <tbody>
              {facts.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  <td class="diff-del">
                    <span class="diff-value">{c.before}</span>
                  </td>
                  <td class="diff-add">
                    <span class="diff-value">{c.after}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sections.map((c) => (
        <SectionDiff key={c.key} change={c} from={props.from} to={props.to} />
      ))}
    </div>
  );
}
