import type { ComponentChildren } from "preact";
import { formatTime } from "../editors/views.js";
import { Layout, type Site } from "../web/layout.js";
import { renderDocument } from "../web/render.js";
import type { Subscriber } from "./repository.js";

/** The pages of a subscriber's data link: what we hold, and the two buttons. Never indexed. */
function page(site: Site, title: string, children: ComponentChildren): string {
  return renderDocument(
    <Layout site={site} title={`${title} | INCI Atlas`} head={<meta name="robots" content="noindex" />}>
      <article class="form-answer data-rights">
        <h1>{title}</h1>
        {children}
      </article>
    </Layout>,
  );
}

const STATUS_TEXT: Record<Subscriber["status"], string> = {
  pending: "signed up, not yet confirmed (you get no newsletter)",
  confirmed: "subscribed to the weekly newsletter",
  unsubscribed: "unsubscribed (you get no newsletter)",
};

/** Opening the link shows; only a button (POST) acts, so a mail scanner opening links changes nothing. */
export function renderDataPage(site: Site, subscriber: Subscriber, token: string): string {
  const query = `?token=${encodeURIComponent(token)}`;
  return page(
    site,
    "Your newsletter data",
    <>
      <p>
        For <strong>{subscriber.email}</strong> we hold: the address, its status (
        {STATUS_TEXT[subscriber.status]}
        ), when it signed up ({formatTime(subscriber.createdAt)})
        {subscriber.confirmedAt ? `, when it was confirmed (${formatTime(subscriber.confirmedAt)})` : ""}
        {subscriber.unsubscribedAt ? `, when it unsubscribed (${formatTime(subscriber.unsubscribedAt)})` : ""}
        , which issues went to it, and the mails we queued for it. Our database holds nothing else about you:
        no name, no IP address, no record of opens or clicks.
      </p>
      <h2>Export</h2>
      <form id="data-export" method="post" action={`/newsletter/data/export${query}`}>
        <input type="hidden" name="format" value="json" />
        <button type="submit">Download my data (JSON)</button>
      </form>
      <h2>Delete</h2>
      <p>
        Deleting removes your address and subscription at once. Past issues keep an anonymous line (no
        address) so that their counts stay true. You can sign up again later.
      </p>
      <form id="data-delete" method="post" action={`/newsletter/data/delete${query}`}>
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          Delete my data
        </button>
      </form>
    </>,
  );
}

export function renderDataDeleted(site: Site): string {
  return page(
    site,
    "Your data is deleted",
    <>
      <p>
        We no longer hold your address or your subscription, and no newsletter will go to you. Links in our
        earlier mails to you no longer work.
      </p>
      <p>
        <a href="/">Back to INCI Atlas</a>
      </p>
    </>,
  );
}

export function renderDataLinkExpired(site: Site): string {
  return page(
    site,
    "This link has expired",
    <p>
      Data links work for a year. Use the link at the bottom of a more recent issue, or write to us from the
      subscribed address.
    </p>,
  );
}
