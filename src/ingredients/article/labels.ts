import type { AliasKind, Annex, FungalAcneTier, Origin, RatingBasis } from "../types.js";

/**
 * The words of the comedogenic scale, as content/AUTHORING.md and the methodology page define
 * them (Fulton 1989 grades 0-5).
 */
export const COMEDOGENIC_LABELS = [
  "non-comedogenic",
  "very low",
  "low",
  "moderate",
  "fairly high",
  "severely comedogenic",
];

export function comedogenicLabel(value: number): string {
  return COMEDOGENIC_LABELS[value] ?? "unknown";
}

export const BASIS_LABELS: Record<RatingBasis, string> = {
  tested: "tested",
  secondary: "secondary",
  estimated: "estimated",
};

export const BASIS_EXPLAINED: Record<RatingBasis, string> = {
  tested: "The value comes from the cited study in which this ingredient was tested.",
  secondary:
    "The value is found only in compilations that repeat it without a traceable original test: lower confidence.",
  estimated: "The value is our editorial estimate, not a laboratory result; the reasoning is given below.",
};

export const ORIGIN_LABELS: Record<Origin, string> = {
  plant: "Plant",
  animal: "Animal",
  "human-derived": "Human-derived",
  mineral: "Mineral",
  synthetic: "Synthetic",
  biotech: "Biotechnology (fermentation or cell culture)",
  mixed: "Several possible sources (plant, synthetic or other)",
};

/** Plural headings for the groups of other names in the facts panel, in display order. */
export const ALIAS_KIND_LABELS: Record<AliasKind, string> = {
  "us-inci": "US INCI name",
  common: "Common name",
  chemical: "Chemical name",
  inn: "International Nonproprietary Name",
  ci: "Colour Index number",
  "former-inci": "Former INCI name",
  other: "Other name",
};

export const ANNEX_LABELS: Record<Annex, string> = {
  II: "Prohibited",
  III: "Restricted",
  IV: "Allowed colorant",
  V: "Allowed preservative",
  VI: "Allowed UV filter",
};

export const FUNGAL_ACNE_LABELS: Record<FungalAcneTier, string> = {
  trigger: "Trigger",
  debated: "Debated",
  fine: "Fine",
};

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

// Intl formatting is slow next to the rest of a page, and pages show few distinct dates.
const formatted = new Map<string, string>();

/** "26 November 2026" from an ISO date or timestamp; the input itself when it is not a date. */
export function formatDate(iso: string): string {
  const known = formatted.get(iso);
  if (known !== undefined) return known;
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : DATE.format(date);
  if (formatted.size >= 10000) formatted.clear();
  formatted.set(iso, text);
  return text;
}
