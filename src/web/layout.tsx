import type { ComponentChildren } from "preact";

/** What every page needs to know about the site it is part of. */
export interface Site {
  publicUrl: string;
  cssUrl: string;
  jsUrl: string;
}

export interface LayoutProps {
  site: Site;
  title: string;
  description?: string;
  /** Path of the canonical URL ("/ingredients/aqua"); absolute with the site's public URL. */
  path?: string;
  /** Structured data (schema.org), written as JSON-LD. */
  jsonLd?: object;
  /** Open Graph type: "article" on articles, "website" elsewhere. */
  ogType?: "article" | "website";
  /** Extra elements for <head> (feeds, robots). */
  head?: ComponentChildren;
  children: ComponentChildren;
}

/** JSON inside <script> must not be able to close the tag: escape "<" as \u003c. */
function jsonForScript(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

export function Layout(props: LayoutProps) {
  const { site, title, description, path } = props;
  const url = path ? `${site.publicUrl}${path}` : undefined;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {description && <meta name="description" content={description} />}
        {url && <link rel="canonical" href={url} />}
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <meta property="og:site_name" content="INCI Atlas" />
        <meta property="og:title" content={title} />
        <meta property="og:type" content={props.ogType ?? "website"} />
        {url && <meta property="og:url" content={url} />}
        {description && <meta property="og:description" content={description} />}
        <link rel="stylesheet" href={site.cssUrl} />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="INCI Atlas: updated articles"
          href="/feed.xml"
        />
        <link
          rel="search"
          type="application/opensearchdescription+xml"
          title="INCI Atlas"
          href="/opensearch.xml"
        />
        {props.jsonLd && (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: jsonForScript(props.jsonLd) }}
          />
        )}
        {props.head}
        <script src={site.jsUrl} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            INCI Atlas
          </a>
          <form class="site-search" action="/search" method="get">
            <label class="visually-hidden" for="site-q">
              Search ingredients
            </label>
            <input
              id="site-q"
              name="q"
              type="search"
              placeholder="Search an ingredient"
              autocomplete="off"
              maxLength={200}
              data-suggest=""
            />
            <button type="submit">Search</button>
          </form>
          <nav aria-label="Main">
            <a href="/decode">Decode a label</a>
            <a href="/ingredients">A-Z</a>
            <a href="/functions">By function</a>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <p>
            INCI Atlas explains cosmetic ingredients from cited sources. It is not medical advice: ask a
            doctor or pharmacist about your own skin.
          </p>
          <nav aria-label="Footer">
            <a href="/methodology">Methodology</a>
            <a href="/corrections">Corrections</a>
            <a href="/docs">API</a>
            <a href="/feed.xml">Atom feed</a>
          </nav>
        </footer>
      </body>
    </html>
  );
}
