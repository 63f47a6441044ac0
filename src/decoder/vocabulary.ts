import type { EntryJson } from "../analyzer/presenter.js";
import type { SkipReason } from "../analyzer/types.js";

/**
 * A reader's profile and the flag rules (ids from src/analyzer/rules) that matter to it. The
 * profile itself lives only in the reader's browser: the server renders this mapping into data
 * attributes (`data-concerns` on each flag) and never receives which profiles a reader chose.
 */
export interface Profile {
  id: string;
  label: string;
  rules: readonly string[];
}

export const PROFILES: readonly Profile[] = [
  // Comedogenic ratings are what acne-prone readers look for (Fulton 1989 scale).
  { id: "acne-prone", label: "Acne-prone skin", rules: ["comedogenic"] },
  { id: "fungal-acne", label: "Fungal acne (Malassezia)", rules: ["fungal-acne"] },
  // Labelled allergens and essential oils are fragrance too, even where "parfum" is absent.
  {
    id: "fragrance-sensitive",
    label: "Fragrance-sensitive",
    rules: ["fragrance", "essential-oil", "eu-allergen-label"],
  },
  { id: "vegan", label: "Vegan", rules: ["not-vegan", "human-derived"] },
  { id: "pregnant", label: "Pregnant or breastfeeding", rules: ["pregnancy-caution"] },
  // Irritancy ratings plus the common irritants and contact allergens the rules name in their sources.
  {
    id: "sensitive-skin",
    label: "Sensitive skin",
    rules: [
      "irritant",
      "fragrance",
      "essential-oil",
      "eu-allergen-label",
      "drying-alcohol",
      "sulfate",
      "isothiazolinone",
      "formaldehyde-releaser",
      "photosensitising",
    ],
  },
];

/** The profiles a flag rule matters to, space-separated (the value of `data-concerns`). */
export function concernsOf(ruleId: string): string {
  return PROFILES.filter((p) => p.rules.includes(ruleId))
    .map((p) => p.id)
    .join(" ");
}

/** Why a piece of the pasted text is not an entry, in words (the transparent parse view). */
export const SKIP_REASONS: Record<SkipReason, string> = {
  heading: "a heading, not an ingredient",
  marketing: "marketing text, not an ingredient",
  disclaimer: "a disclaimer",
  footnote: "a footnote explaining a mark such as *",
  note: "a note, not an ingredient",
  empty: "empty",
  not_a_list: "not an ingredient list",
};

/** How an entry was matched, in words: "exact", "alias", "fuzzy (91 % confidence)", "not matched". */
export function matchLabel(entry: Pick<EntryJson, "match" | "confidence">): string {
  if (entry.match === "fuzzy") return `fuzzy (${Math.round(entry.confidence * 100)} % confidence)`;
  if (entry.match === "unknown") return "not matched";
  return entry.match;
}

export const GROUP_LABELS: Record<EntryJson["group"], string> = {
  main: "Ingredients",
  may_contain: "May contain",
};

/** What the browser script needs to render an analysis the way the server does. */
export function browserVocabulary(): string {
  return JSON.stringify({
    skip: SKIP_REASONS,
    groups: GROUP_LABELS,
    concerns: Object.fromEntries(PROFILES.flatMap((p) => p.rules).map((r) => [r, concernsOf(r)])),
  });
}
