/** The newsletter sign-up box placed on article pages and the home page. Filled in by the newsletter feature. */
export function NewsletterForm() {
  return (
    <section class="newsletter" aria-labelledby="newsletter-title">
      <h2 id="newsletter-title">The weekly INCI Atlas newsletter</h2>
    </section>
  );
}
