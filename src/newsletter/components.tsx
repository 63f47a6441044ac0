import { AltchaSlot, CsrfField, Honeypot } from "../security/form-parts.js";
import { MAX_EMAIL_LENGTH } from "./email.js";

/** The newsletter sign-up box placed on article pages and the home page. */
export function NewsletterForm() {
  return (
    <section class="newsletter" aria-labelledby="newsletter-title">
      <h2 id="newsletter-title">The weekly INCI Atlas newsletter</h2>
      <p>New and corrected articles, once a week.</p>
      <form class="reader-form" method="post" action="/newsletter/subscribe" data-protected="">
        <CsrfField />
        <label for="newsletter-email">Your e-mail address</label>
        <div class="newsletter-row">
          <input
            id="newsletter-email"
            type="email"
            name="email"
            required
            maxLength={MAX_EMAIL_LENGTH}
            autocomplete="email"
            inputMode="email"
            spellcheck={false}
          />
          <button type="submit">Subscribe</button>
        </div>
        <Honeypot id="newsletter-website" />
        <AltchaSlot />
        <p class="form-note">
          Double opt-in: we first send a confirmation link, and nothing else until you click it. Every mail
          has a one-click unsubscribe link. We keep only your address.
        </p>
      </form>
    </section>
  );
}
