import { CLAIMS } from "../analyzer/claims.js";
import type { AnalysisJson } from "../analyzer/presenter.js";
import type { AppError } from "../errors.js";
import { Layout, type Site } from "../web/layout.js";
import { renderDocument } from "../web/render.js";
import { AnalysisView } from "./analysis-view.js";
import { MAX_HTTP_LABEL_CHARS } from "./api.js";
import { browserVocabulary, PROFILES } from "./vocabulary.js";

export interface DecodeState {
  text: string;
  claims: readonly string[];
  analysis?: AnalysisJson;
  error?: AppError;
}

export function ErrorBox({ error }: { error: AppError }) {
  return (
    <div class="decoder-error" role="alert">
      <p>{error.message}</p>
      <p class="error-code">Error code: {error.code}</p>
    </div>
  );
}

function DecodeForm({ text, claims }: { text: string; claims: readonly string[] }) {
  return (
    <form
      id="decoder-form"
      class="decoder-form"
      method="get"
      action="/decode"
      data-vocabulary={browserVocabulary()}
    >
      <label for="decode-text">Ingredient list</label>
      <p id="decode-text-help" class="hint">
        Paste it as printed, up to {MAX_HTTP_LABEL_CHARS.toLocaleString("en")} characters. Headings, “may
        contain” sections, percentages and footnotes are fine.
      </p>
      <textarea
        id="decode-text"
        name="text"
        rows={8}
        maxLength={MAX_HTTP_LABEL_CHARS}
        aria-describedby="decode-text-help"
        spellcheck={false}
        value={text}
      />
      <fieldset class="claim-field">
        <legend>Check front-of-pack claims (optional)</legend>
        {CLAIMS.map((claim) => (
          <label key={claim} class="check">
            <input type="checkbox" name="claims" value={claim} checked={claims.includes(claim)} /> {claim}
          </label>
        ))}
      </fieldset>
      <div class="form-actions">
        <button type="submit">Decode</button>
        <button type="button" class="secondary" data-copy-link hidden>
          Copy link
        </button>
        <span class="copy-status" role="status" />
      </div>
    </form>
  );
}

/** The reader's profile: no `name` and outside the form, so no submit can send it anywhere. */
function ProfileBox() {
  return (
    <section class="profile" aria-labelledby="profile-h">
      <h2 id="profile-h">My profile</h2>
      <p>
        Tick what applies to you to highlight the flags that matter to you. Your profile stays in this
        browser: it is never sent to INCI Atlas or stored on our server.
      </p>
      <fieldset>
        <legend>Highlight flags for</legend>
        {PROFILES.map((p) => (
          <label key={p.id} class="check">
            <input
              type="checkbox"
              id={`profile-${p.id}`}
              data-profile={p.id}
              data-rules={p.rules.join(" ")}
            />{" "}
            {p.label}
          </label>
        ))}
      </fieldset>
      <noscript>
        <p>Highlighting needs JavaScript. The flags below are the same either way.</p>
      </noscript>
    </section>
  );
}

export function DecodeResults({ analysis }: { analysis: AnalysisJson }) {
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">What is in this list</h2>
      <p class="matters-summary" data-matters-summary hidden />
      <AnalysisView analysis={analysis} idPrefix="" level={2} />
    </section>
  );
}

/** The decoder: the form, the reader's profile, and the analysis when there is one. */
export function renderDecodePage(site: Site, state: DecodeState): string {
  const decoded = state.analysis !== undefined || state.error !== undefined;
  return renderDocument(
    <Layout
      site={site}
      title="Decode an ingredient list | INCI Atlas"
      description="Paste a cosmetic ingredient list: each ingredient explained, with flags that name their rule, reason and source."
      path="/decode"
      head={decoded ? <meta name="robots" content="noindex" /> : undefined}
    >
      <h1>Decode an ingredient list</h1>
      <p class="lede">
        Each ingredient is matched to its article, with how it was matched, its functions and the flags it
        raises. Every flag names its rule, the ingredients behind it and its source.
      </p>
      <DecodeForm text={state.text} claims={state.claims} />
      <ProfileBox />
      <p id="decoder-status" class="decoder-status" role="status" />
      <div id="decoder-results">
        {state.error && <ErrorBox error={state.error} />}
        {state.analysis && <DecodeResults analysis={state.analysis} />}
      </div>
      <p class="compare-link">
        Two products to weigh up? <a href="/compare">Compare two ingredient lists</a>.
      </p>
    </Layout>,
  );
}
