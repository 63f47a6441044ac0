import type { ComponentChildren } from "preact";
import { Layout, type Site } from "../web/layout.js";
import { renderDocument } from "../web/render.js";
import { NewsletterForm } from "./components.js";
import { RESEND_AFTER_MINUTES } from "./service.js";

/** The newsletter's answer pages: each says plainly what happened and what the reader can do next. */
function page(site: Site, title: string, children: ComponentChildren): string {
  return renderDocument(
    <Layout site={site} title={`${title} | INCI Atlas`} head={<meta name="robots" content="noindex" />}>
      <article class="form-answer">
        <h1>{title}</h1>
        {children}
      </article>
    </Layout>,
  );
}

/** The same answer for every address, on the list or not. */
export function renderCheckInbox(site: Site, email: string): string {
  return page(
    site,
    "Check your inbox",
    <>
      <p>
        If <strong>{email}</strong> can receive mail, a confirmation link is on its way to it. Open it within
        48 hours to start the weekly newsletter: until then you are not subscribed and get nothing else.
      </p>
      <p>
        Nothing arrived? Look in the spam folder, check the address, or send the form again in{" "}
        {RESEND_AFTER_MINUTES} minutes.
      </p>
      <p>
        <a href="/">Back to INCI Atlas</a>
      </p>
    </>,
  );
}

export function renderConfirmed(site: Site, email: string): string {
  return page(
    site,
    "You are subscribed",
    <>
      <p>
        Thank you: <strong>{email}</strong> will get the weekly INCI Atlas newsletter. Every issue has a
        one-click unsubscribe link.
      </p>
      <p>
        <a href="/">Back to INCI Atlas</a>
      </p>
    </>,
  );
}

export function renderConfirmExpired(site: Site, reason: string): string {
  return page(
    site,
    "This link has expired",
    <>
      <p>{reason} Confirmation links work for 48 hours: sign up again below and we will send a fresh one.</p>
      <NewsletterForm />
    </>,
  );
}

/** The one-button page of an unsubscribe link: opening a link never unsubscribes (mail scanners open links). */
export function renderUnsubscribeAsk(site: Site, email: string, token: string): string {
  return page(
    site,
    "Unsubscribe from the newsletter",
    <>
      <p>
        Stop sending the weekly INCI Atlas newsletter to <strong>{email}</strong>?
      </p>
      <form method="post" action={`/newsletter/unsubscribe?token=${encodeURIComponent(token)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">Unsubscribe</button>
      </form>
    </>,
  );
}

export function renderUnsubscribed(site: Site, email: string): string {
  return page(
    site,
    "You are unsubscribed",
    <>
      <p>
        <strong>{email}</strong> will get no more newsletters from us. Changed your mind? You can sign up
        again at any time, from any article.
      </p>
      <p>
        <a href="/">Back to INCI Atlas</a>
      </p>
    </>,
  );
}

export function renderUnsubscribeExpired(site: Site): string {
  return page(
    site,
    "This link has expired",
    <p>
      Unsubscribe links work for a year. Use the link at the bottom of a more recent mail from us: each one
      unsubscribes at once.
    </p>,
  );
}
