import type { StoredFacts } from "../ingredients/repository.js";
import { CATEGORIES } from "../ingredients/types.js";
import { type Errors, FieldError, Group, type Options, Select, TextArea } from "./controls.js";
import type { ArticleForm, RatingForm } from "./form.js";

/** Parts of the facts form: alias rows, a rating, the categories, the (read-only) EU status. */

const ALIAS_KINDS: Options = [
  ["common", "common name"],
  ["us-inci", "US INCI name"],
  ["ci", "colour index (CI)"],
  ["chemical", "chemical name"],
  ["former-inci", "former INCI name"],
  ["inn", "INN"],
  ["other", "other"],
];
export const TRI: Options = [
  ["unknown", "unknown"],
  ["yes", "yes"],
  ["no", "no"],
];
export const CAUTION: Options = [
  ["", "(no entry)"],
  ["yes", "a caution applies"],
  ["no", "nothing specific is known"],
];
const RATING_VALUES: Options = [
  ["", "not rated"],
  ...[0, 1, 2, 3, 4, 5].map((n) => [String(n), `${n} / 5`] as const),
];
const BASES: Options = [
  ["", "(no rating entry)"],
  ["tested", "tested: from the cited study"],
  ["secondary", "secondary: from compilations only"],
  ["estimated", "estimated: an editorial estimate"],
];
export const TIERS: Options = [
  ["", "(no entry)"],
  ["trigger", "trigger"],
  ["debated", "debated"],
  ["fine", "fine"],
];
/** Empty rows after the aliases, for new ones (without JavaScript a form cannot grow). */
const SPARE_ALIASES = 3;
export const LIST_HINT = "One per line.";

export function Aliases(props: { form: ArticleForm; errors: Errors }) {
  const rows = [
    ...props.form.aliases,
    ...Array.from({ length: SPARE_ALIASES }, () => ({ name: "", kind: "common" })),
  ];
  return (
    <Group legend="Aliases (real other names, never misspellings)" id="fact-alias-name">
      <FieldError name="aliasName" errors={props.errors} />
      <ol class="alias-rows">
        {rows.map((alias, i) => (
          <li key={i} class="alias-row">
            <label for={`fact-alias-name-${i}`}>Alias {i + 1}</label>
            <input
              id={`fact-alias-name-${i}`}
              name="aliasName"
              type="text"
              maxLength={300}
              value={alias.name}
            />
            <label for={`fact-alias-kind-${i}`}>Kind of alias {i + 1}</label>
            <select id={`fact-alias-kind-${i}`} name="aliasKind">
              {ALIAS_KINDS.map(([value, label]) => (
                <option key={value} value={value} selected={value === alias.kind}>
                  {label}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ol>
    </Group>
  );
}

export function RatingFields(props: {
  prefix: "comedogenic" | "irritancy";
  legend: string;
  rating: RatingForm;
  errors: Errors;
}) {
  const { prefix, rating, errors } = props;
  return (
    <Group legend={props.legend}>
      <Select
        name={`${prefix}Value`}
        label="Value"
        value={rating.value}
        options={RATING_VALUES}
        errors={errors}
      />
      <Select name={`${prefix}Basis`} label="Basis" value={rating.basis} options={BASES} errors={errors} />
      <TextArea
        name={`${prefix}Rationale`}
        label="Rationale (20-1,200 characters)"
        value={rating.rationale}
        errors={errors}
      />
      <TextArea
        name={`${prefix}Sources`}
        label="Sources of the rating"
        hint="Bibliography keys, one per line."
        value={rating.sources}
        errors={errors}
      />
      <TextArea
        name={`${prefix}Disagreement`}
        label="Where sources disagree (optional)"
        value={rating.disagreement}
        errors={errors}
      />
    </Group>
  );
}

export function Categories(props: { form: ArticleForm; errors: Errors }) {
  const chosen = new Set(props.form.categories);
  return (
    <Group legend="Categories (used by the flag rules)" id="fact-categories">
      <FieldError name="categories" errors={props.errors} />
      <ul class="category-list">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <input
              type="checkbox"
              id={`fact-category-${c}`}
              name="categories"
              value={c}
              checked={chosen.has(c)}
            />
            <label for={`fact-category-${c}`}>{c}</label>
          </li>
        ))}
      </ul>
    </Group>
  );
}

export function EuStatus(props: { eu: StoredFacts["eu"] }) {
  const eu = props.eu ?? [];
  return (
    <Group legend="EU status (from the annexes; not edited here)">
      {eu.length === 0 ? (
        <p class="field-hint">No authored EU status; imported annex entries show on the public page.</p>
      ) : (
        <ul>
          {eu.map((e) => (
            <li key={`${e.annex}-${e.ref}`}>
              Annex {e.annex} {e.ref}: {e.substance}
              {e.maxConcentration ? ` (max ${e.maxConcentration})` : ""}
            </li>
          ))}
        </ul>
      )}
    </Group>
  );
}
