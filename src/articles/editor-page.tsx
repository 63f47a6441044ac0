import { type AdminView, CsrfInput, formatTime, Notice, renderAdminPage } from "../editors/views.js";
import type { StoredFacts } from "../ingredients/repository.js";
import { ARTICLE_SECTIONS, OPTIONAL_SECTIONS } from "../ingredients/schema.js";
import { type Errors, FieldError, TextArea } from "./controls.js";
import { ProblemList, StalePanel } from "./editor-notices.js";
import { FactFields } from "./fact-fields.js";
import { type ArticleForm, sectionField } from "./form.js";
import type { StaleEdit } from "./service.js";
import type { FieldError as Problem } from "./validate.js";

/** The article editor: every fact, every section with its preview, and the publish controls. */

export interface EditorPageView {
  view: AdminView;
  slug: string;
  inci: string;
  name: string;
  /** The published content has article sections. */
  hasArticle: boolean;
  published: number;
  base: number;
  form: ArticleForm;
  eu: StoredFacts["eu"];
  problems: Problem[];
  /** Shown when saving or publishing was refused; a draft's problems are shown as a warning. */
  problemsBlock: boolean;
  previews: Record<string, string> | null;
  notice: { kind: "ok" | "error"; text: string } | null;
  draft: { updatedAt: string; baseRevision: number } | null;
  stale: StaleEdit | null;
  note: string;
  correction: boolean;
}

const SECTION_HINTS: Record<string, string> = {
  "What is it": "Definition, a short history of use, how it is made, the product types it appears in.",
  "Cosmetic benefits/uses":
    "One bullet per CosIng function, the function in bold, explained for a lay reader.",
  "Who can use it":
    "Skin types; vegan/vegetarian and origin; pregnancy with the fixed not-medical-advice sentence; sun; frequency; skin or hair.",
  "Potential side effects": "Bullets, then the stop-use advice.",
  "Comedogenic rating":
    '"N / 5 (label)" with its basis and rationale, acne-prone skin, the finished-formula caveat; or "Not rated".',
  "EU status": "Only where the ingredient has one: the annex, its conditions or maximum.",
  Summary: "A few sentences.",
};

function Sections(props: { form: ArticleForm; errors: Errors; previews: Record<string, string> | null }) {
  return (
    <section class="editor-sections" id="article-sections" aria-labelledby="sections-title">
      <h2 id="sections-title">Article sections</h2>
      <p class="field-hint">
        Markdown. Cite a source with its bibliography key in brackets, e.g. [cosing]. Leave every section
        empty for a facts-only entry.
      </p>
      <FieldError name="sections" errors={props.errors} />
      {ARTICLE_SECTIONS.map((heading) => {
        const name = sectionField(heading);
        const html = props.previews?.[heading];
        return (
          <TextArea
            key={heading}
            name={name}
            label={`${heading}${OPTIONAL_SECTIONS.has(heading) ? " (only where one applies)" : ""}`}
            hint={SECTION_HINTS[heading]}
            value={props.form.sections[heading] ?? ""}
            errors={props.errors}
            rows={10}
            maxLength={20_000}
          >
            <div
              class="article-preview prose"
              id={`preview-${name}`}
              data-preview-for={name}
              aria-live="polite"
            >
              {html !== undefined && <div dangerouslySetInnerHTML={{ __html: html }} />}
            </div>
          </TextArea>
        );
      })}
    </section>
  );
}

function PublishControls(props: { page: EditorPageView; errors: Errors }) {
  const { page, errors } = props;
  return (
    <fieldset class="editor-group editor-publish">
      <legend>Publish</legend>
      <div class="field">
        <label for="publish-note">Change note (what changed and why; required to publish)</label>
        <input
          id="publish-note"
          name="note"
          type="text"
          maxLength={500}
          value={page.note}
          {...(errors.has("note") ? { "aria-invalid": "true", "aria-describedby": "fact-note-error" } : {})}
        />
        <FieldError name="note" errors={errors} />
      </div>
      <div class="field field-check">
        <input
          id="publish-correction"
          name="correction"
          type="checkbox"
          value="on"
          checked={page.correction}
        />
        <label for="publish-correction">
          This is a correction of a factual error (listed on the public Corrections page)
        </label>
      </div>
      <div class="editor-buttons">
        <button type="submit" name="intent" value="preview" id="preview-button">
          Preview
        </button>
        <button type="submit" name="intent" value="save" id="save-button">
          Save draft
        </button>
        <button type="submit" name="intent" value="publish" id="publish-button">
          Publish
        </button>
        {page.draft && (
          <button type="submit" name="intent" value="discard" class="danger" id="discard-button">
            Discard my draft
          </button>
        )}
      </div>
    </fieldset>
  );
}

function errorMap(problems: Problem[]): Errors {
  const map = new Map<string, string[]>();
  for (const p of problems) map.set(p.field, [...(map.get(p.field) ?? []), p.message]);
  return map;
}

function EditorPage(props: { page: EditorPageView }) {
  const { page } = props;
  const errors = errorMap(page.problems);
  const action = `/admin/articles/${page.slug}/edit`;
  return (
    <>
      <p class="editor-links">
        <a href={`/ingredients/${page.slug}`}>Public page</a>
        <a href={`/admin/articles/${page.slug}/revisions`}>Revisions</a>
        <a href="/admin/articles">All articles</a>
      </p>
      <p>
        {page.published > 0
          ? `Published: revision ${page.published}.`
          : "No revision yet: facts imported from CosIng."}
        {page.draft &&
          ` Your draft, saved ${formatTime(page.draft.updatedAt)}, started from revision ${page.draft.baseRevision}.`}
      </p>
      {page.draft && page.draft.baseRevision !== page.published && !page.stale && (
        <Notice kind="error">
          Revision {page.published} was published after your draft started: saving or publishing will show you
          the differences first.
        </Notice>
      )}
      {page.notice && <Notice kind={page.notice.kind}>{page.notice.text}</Notice>}
      {page.stale && <StalePanel stale={page.stale} />}
      <ProblemList problems={page.problems} block={page.problemsBlock} />
      <form
        id="article-form"
        method="post"
        action={action}
        class="article-form"
        data-preview-url="/admin/api/articles/preview"
      >
        <CsrfInput token={page.view.csrf} />
        <input type="hidden" name="base" value={String(page.base)} />
        <h2>Facts</h2>
        <FactFields form={page.form} errors={errors} inci={page.inci} eu={page.eu} />
        <Sections form={page.form} errors={errors} previews={page.previews} />
        <PublishControls page={page} errors={errors} />
      </form>
    </>
  );
}

export function renderEditorPage(page: EditorPageView): string {
  const title = page.hasArticle ? `Edit: ${page.name}` : `Write an article: ${page.name}`;
  return renderAdminPage(page.view, title, <EditorPage page={page} />);
}
