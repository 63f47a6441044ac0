import type { AppError } from "../errors.js";
import { Layout, type Site } from "./layout.js";
import { renderDocument } from "./render.js";

/** A page that helps: what went wrong in plain words, and where to go from here. No stack trace. */
export function renderErrorPage(site: Site, error: AppError): string {
  const notFound = error.status === 404;
  const title = notFound
    ? "Page not found"
    : error.status >= 500
      ? "Something went wrong"
      : "We could not do that";
  return renderDocument(
    <Layout site={site} title={`${title} | INCI Atlas`} head={<meta name="robots" content="noindex" />}>
      <article class="error-page">
        <h1>{title}</h1>
        <p>{error.message}</p>
        {notFound ? (
          <p>
            Try the search box above, browse <a href="/ingredients">all ingredients from A to Z</a>, or{" "}
            <a href="/decode">decode an ingredient list</a>.
          </p>
        ) : (
          <p>
            Go back and try again, or start from the <a href="/">home page</a>.
          </p>
        )}
        <p class="error-code">Error code: {error.code}</p>
      </article>
    </Layout>,
  );
}
