import { fieldId } from "./controls.js";
import { ChangeList } from "./diff-view.js";
import type { StaleEdit } from "./service.js";
import type { FieldError as Problem } from "./validate.js";

/** What the editor page says above the form: the problems to fix, and a refused stale edit. */

export function ProblemList(props: { problems: Problem[]; block: boolean }) {
  if (props.problems.length === 0) return null;
  const target = (field: string) =>
    field === "sections" ? "article-sections" : field === "note" ? "publish-note" : fieldId(field);
  return (
    <div class="admin-notice admin-error" role="alert" id="article-problems">
      <p>
        {props.block
          ? `Not saved: ${props.problems.length} problem(s) to fix.`
          : `This version would not publish yet: ${props.problems.length} problem(s).`}
      </p>
      <ul>
        {props.problems.map((p, i) => (
          <li key={i}>
            <a href={`#${target(p.field)}`}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StalePanel(props: { stale: StaleEdit }) {
  const { stale } = props;
  return (
    <section
      class="stale-edit admin-notice admin-error"
      aria-labelledby="stale-title"
      data-error-code="stale_revision"
    >
      <h2 id="stale-title">Revision {stale.current} was published while you were editing</h2>
      <p>
        Nothing was saved. Your text is kept in the form below, which is now based on revision {stale.current}
        : merge the changes shown here, then save or publish again.
      </p>
      {stale.base > 0 && (
        <>
          <h3>
            Published since you started (revision {stale.base} to {stale.current})
          </h3>
          <ChangeList
            changes={stale.sinceBase}
            from={`Revision ${stale.base}`}
            to={`Revision ${stale.current}`}
          />
        </>
      )}
      <h3>Your version against revision {stale.current}</h3>
      <ChangeList changes={stale.yours} from={`Revision ${stale.current}`} to="Your version" />
    </section>
  );
}
