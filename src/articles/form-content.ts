import { ARTICLE_SECTIONS } from "../ingredients/schema.js";
import type { Rating } from "../ingredients/types.js";
import type { ArticleContent } from "./fields.js";
import type { ArticleForm, RatingForm } from "./form.js";

/**
 * The edit form and stored content, both ways: the form as a corpus entry (validated by the corpus
 * schema in validate.ts), and an article's content as the form shows it. Lists are one per line.
 */

const lines = (v: string): string[] =>
  v
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
const triState = (v: string): boolean | null => (v === "yes" ? true : v === "no" ? false : null);
const yesNo = (v: boolean | null | undefined): string =>
  v === true ? "yes" : v === false ? "no" : "unknown";

function ratingOf(r: RatingForm): unknown {
  if (r.basis === "" && r.rationale === "" && r.value === "" && r.sources === "") return null;
  return {
    value: r.value === "" ? null : Number(r.value),
    basis: r.basis,
    rationale: r.rationale,
    sources: lines(r.sources),
    ...(r.disagreement === "" ? {} : { disagreement: r.disagreement }),
  };
}

function cautionOf(state: string, note: string): unknown {
  if (state === "" && note === "") return null;
  return { caution: state === "yes" ? true : state === "no" ? false : state, note };
}

/**
 * The form as a corpus entry (unvalidated: the corpus schema decides). The INCI name and the EU
 * statuses are not edited here (they identify the entry and come from the annexes): they are kept.
 */
export function entryOfForm(form: ArticleForm, current: ArticleContent): Record<string, unknown> {
  const fungal = form.fungalTier === "" && form.fungalReason === "";
  return {
    inci: current.inci,
    name: form.name,
    aliases: form.aliases,
    cas: lines(form.cas),
    ec: lines(form.ec),
    functions: lines(form.functions),
    origin: form.origin === "" ? null : form.origin,
    vegan: triState(form.vegan),
    vegetarian: triState(form.vegetarian),
    categories: form.categories,
    comedogenic: ratingOf(form.comedogenic),
    irritancy: ratingOf(form.irritancy),
    fungalAcne: fungal ? null : { tier: form.fungalTier, reason: form.fungalReason },
    pregnancy: cautionOf(form.pregnancy, form.pregnancyNote),
    photosensitising: cautionOf(form.sun, form.sunNote),
    allergens: lines(form.allergens),
    productTypes: lines(form.productTypes),
    related: lines(form.related),
    eu: current.facts.eu ?? [],
    summary: form.summary,
    sources: lines(form.sources),
    reviewed: form.reviewed,
  };
}

function ratingFormOf(r: Rating | null | undefined): RatingForm {
  return {
    value: r?.value === null || r?.value === undefined ? "" : String(r.value),
    basis: r?.basis ?? "",
    rationale: r?.rationale ?? "",
    sources: (r?.sources ?? []).join("\n"),
    disagreement: r?.disagreement ?? "",
  };
}

const cautionState = (c: { caution: boolean } | null | undefined): string =>
  c ? (c.caution ? "yes" : "no") : "";

/** Stored content as the form shows it. */
export function formOfContent(content: ArticleContent): ArticleForm {
  const f = content.facts;
  return {
    name: content.name,
    aliases: content.aliases.map((a) => ({ name: a.name, kind: a.kind })),
    cas: content.cas.join("\n"),
    ec: content.ec.join("\n"),
    functions: content.functions.join("\n"),
    origin: f.origin ?? "",
    vegan: yesNo(f.vegan),
    vegetarian: yesNo(f.vegetarian),
    categories: [...(f.categories ?? [])],
    comedogenic: ratingFormOf(f.comedogenic),
    irritancy: ratingFormOf(f.irritancy),
    fungalTier: f.fungalAcne?.tier ?? "",
    fungalReason: f.fungalAcne?.reason ?? "",
    pregnancy: cautionState(f.pregnancy),
    pregnancyNote: f.pregnancy?.note ?? "",
    sun: cautionState(f.photosensitising),
    sunNote: f.photosensitising?.note ?? "",
    allergens: (f.allergens ?? []).join("\n"),
    productTypes: (f.productTypes ?? []).join("\n"),
    related: (f.related ?? []).join("\n"),
    sources: (f.sources ?? []).join("\n"),
    summary: f.summary ?? "",
    reviewed: f.reviewed ?? "",
    sections: Object.fromEntries(ARTICLE_SECTIONS.map((h) => [h, content.sections[h] ?? ""])),
  };
}
