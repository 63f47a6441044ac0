import { AltchaSlot, CsrfField, Honeypot } from "../security/form-parts.js";
import { MAX_COMMENT_CHARS } from "./service.js";

/** The "Was this article helpful?" form placed on every article page. */
export interface FeedbackFormProps {
  slug: string;
  /** Number of the revision the reader is looking at; feedback records it. */
  revisionNumber: number | null;
}

/**
 * Yes and No are the form's two submit buttons, so one click sends the answer; a comment, when
 * wanted, is written first. The counter is filled in by public/js/30-forms.js; without script the
 * textarea's maxlength still holds the limit.
 */
export function FeedbackForm(props: FeedbackFormProps) {
  return (
    <section class="feedback" aria-labelledby="feedback-title" data-slug={props.slug}>
      <h2 id="feedback-title">Was this article helpful?</h2>
      <form
        class="reader-form"
        method="post"
        action={`/ingredients/${encodeURIComponent(props.slug)}/feedback`}
        data-protected=""
      >
        <CsrfField />
        {props.revisionNumber !== null && (
          <input type="hidden" name="revision" value={String(props.revisionNumber)} />
        )}
        <label for="feedback-comment">Anything to add, good or bad? (optional)</label>
        <textarea
          id="feedback-comment"
          name="comment"
          rows={3}
          maxLength={MAX_COMMENT_CHARS}
          aria-describedby="feedback-count feedback-note"
          data-count="feedback-count"
        />
        <p id="feedback-count" class="char-count" hidden>
          Up to {MAX_COMMENT_CHARS.toLocaleString("en")} characters.
        </p>
        <Honeypot id="feedback-website" />
        <AltchaSlot />
        <div class="feedback-answers">
          <button type="submit" name="helpful" value="yes">
            Yes, it helped
          </button>
          <button type="submit" name="helpful" value="no">
            No
          </button>
        </div>
        <p id="feedback-note" class="form-note">
          Anonymous: we keep your answer, your comment and the version of the article, nothing about you.
          Editors read every comment; corrections are listed on the{" "}
          <a href="/corrections">corrections page</a>.
        </p>
      </form>
    </section>
  );
}
