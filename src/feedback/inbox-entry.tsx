import { ActionButton, CsrfInput, formatTime } from "../editors/views.js";
import { MAX_NOTE_CHARS } from "./inbox.js";
import type { FeedbackItem } from "./repository.js";

/** What the editor typed into a handle form that was refused, shown again with the error. */
export interface HandleValues {
  note: string;
  correctionRevision: string;
}

function HandleForm(props: { item: FeedbackItem; csrf: string; back: string; values?: HandleValues }) {
  const { item, values } = props;
  const note = values?.note ?? item.handled?.note ?? "";
  const revision = values?.correctionRevision ?? String(item.handled?.correctionRevisionNumber ?? "");
  return (
    <form method="post" action={`/admin/feedback/${item.id}/handle`} class="handle-form">
      <CsrfInput token={props.csrf} />
      <input type="hidden" name="back" value={props.back} />
      <label for={`handle-note-${item.id}`}>Note (what was done, at most 2,000 characters)</label>
      <textarea id={`handle-note-${item.id}`} name="note" rows={3} maxLength={MAX_NOTE_CHARS}>
        {note}
      </textarea>
      <label for={`handle-revision-${item.id}`}>Corrected in revision (optional)</label>
      <input
        id={`handle-revision-${item.id}`}
        name="correctionRevision"
        type="number"
        inputMode="numeric"
        min={1}
        max={1_000_000}
        value={revision}
      />
      <button type="submit" class="handle-button">
        {item.handled ? "Save changes" : "Mark handled"}
      </button>
    </form>
  );
}

function Handled(props: { item: FeedbackItem; csrf: string; back: string }) {
  const { item } = props;
  const handled = item.handled;
  if (!handled) return null;
  return (
    <div class="feedback-handled">
      <p>
        Handled by {handled.by} on <time dateTime={handled.at}>{formatTime(handled.at)}</time>
        {handled.correctionRevisionNumber !== null && (
          <>
            {", corrected in "}
            <a href={`/admin/articles/${item.slug}/revisions`}>revision {handled.correctionRevisionNumber}</a>
          </>
        )}
        .
      </p>
      {handled.note !== "" && <p class="feedback-text">{handled.note}</p>}
      <ActionButton
        action={`/admin/feedback/${item.id}/unhandle`}
        csrf={props.csrf}
        label="Un-handle"
        fields={{ back: props.back }}
      />
    </div>
  );
}

/** One reader's feedback: the comment is text (Preact escapes it), its line breaks kept by CSS. */
export function FeedbackEntry(props: {
  item: FeedbackItem;
  csrf: string;
  back: string;
  values?: HandleValues;
}) {
  const { item } = props;
  const form = <HandleForm item={item} csrf={props.csrf} back={props.back} values={props.values} />;
  return (
    <article class="feedback-item" id={`feedback-${item.id}`}>
      <h2>
        <a href={`/ingredients/${item.slug}`}>{item.name}</a>
      </h2>
      <dl class="feedback-facts">
        <dt>Given on</dt>
        <dd>
          <a href={`/admin/articles/${item.slug}/revisions`}>
            {item.revisionNumber === null ? "an unknown revision" : `revision ${item.revisionNumber}`}
          </a>
        </dd>
        <dt>Helpful</dt>
        <dd class={item.helpful ? "feedback-yes" : "feedback-no"}>{item.helpful ? "Yes" : "No"}</dd>
        <dt>Received</dt>
        <dd>
          <time dateTime={item.createdAt}>{formatTime(item.createdAt)}</time>
        </dd>
        <dt>State</dt>
        <dd>{item.handled ? "Handled" : "Not handled"}</dd>
      </dl>
      {item.comment === null ? (
        <p class="admin-hint">No comment.</p>
      ) : (
        <p class="feedback-text feedback-comment">{item.comment}</p>
      )}
      <Handled item={item} csrf={props.csrf} back={props.back} />
      {item.handled && !props.values ? (
        <details>
          <summary>Change the note or the correction</summary>
          {form}
        </details>
      ) : (
        form
      )}
    </article>
  );
}
