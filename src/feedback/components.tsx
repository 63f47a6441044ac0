/** The "Was this article helpful?" form placed on every article page. Filled in by the feedback feature. */
export interface FeedbackFormProps {
  slug: string;
  /** Number of the revision the reader is looking at; feedback records it. */
  revisionNumber: number | null;
}

export function FeedbackForm(props: FeedbackFormProps) {
  return (
    <section class="feedback" aria-labelledby="feedback-title" data-slug={props.slug}>
      <h2 id="feedback-title">Was this article helpful?</h2>
    </section>
  );
}
