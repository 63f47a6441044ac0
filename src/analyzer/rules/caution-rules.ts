import type { Ingredient } from "../../ingredients/types.js";
import type { Rule } from "../types.js";
import { categoriesOf } from "./classify.js";
import { type EntryCheck, presenceRule, shorten } from "./define.js";
import { isPhototoxicCitrusOil } from "./essential-oils.js";
import { allNamesOf, normalizeName, perIngredient } from "./names.js";
import { isBelowOnePercent } from "./one-percent.js";

export const pregnancyCheck: EntryCheck = (ingredient) => {
  if (ingredient.pregnancy?.caution) return `pregnancy caution: ${shorten(ingredient.pregnancy.note, 140)}`;
  if (categoriesOf(ingredient).has("retinoid")) {
    return "retinoid (vitamin A derivative); usually avoided in pregnancy as a precaution";
  }
  return null;
};

function ahaReason(ingredient: Ingredient, belowOnePercent: boolean): string | null {
  if (normalizeName(ingredient.inci) === "CITRIC ACID") {
    // Citric acid is an AHA, but mostly a pH adjuster at a fraction of a per cent.
    if (belowOnePercent) return null;
    return "citric acid is an alpha-hydroxy acid, though usually a low-level pH adjuster; sun sensitivity matters at exfoliating levels";
  }
  const level = belowOnePercent ? " (here at 1 % or less)" : "";
  return `alpha-hydroxy acid: can increase sun sensitivity; use sun protection${level}`;
}

/** Marks an alpha-hydroxy acid, whose reason depends on where it sits in the label. */
const AHA = "aha";

/** Why an ingredient can raise sun sensitivity wherever it is listed, AHA, or null. */
const sunSensitivityOf = perIngredient((ingredient): string | null => {
  if (ingredient.photosensitising?.caution) {
    return `sun sensitivity: ${shorten(ingredient.photosensitising.note, 140)}`;
  }
  const categories = categoriesOf(ingredient);
  if (categories.has("retinoid")) return "retinoid: can increase sun sensitivity; use sun protection";
  if (isPhototoxicCitrusOil(ingredient.inci)) {
    return "citrus peel oil with furocoumarins (e.g. bergapten): phototoxic on skin exposed to the sun";
  }
  return categories.has("aha") ? AHA : null;
});

// Asked for every entry of every label: the ingredient's part is worked out once (sunSensitivityOf).
export const photosensitisingCheck: EntryCheck = (ingredient, entry, entries) => {
  const why = sunSensitivityOf(ingredient);
  return why === AHA ? ahaReason(ingredient, isBelowOnePercent(entry, entries)) : why;
};

/** UV filters named in reef-protection laws, by INCI and US names. */
const REEF_FILTERS: ReadonlyArray<[RegExp, string]> = [
  // Hawaii Act 104 (2018, SB 2571): sale of sunscreens with oxybenzone or octinoxate banned from 2021.
  [
    /^(OXYBENZONE|BENZOPHENONE-3)$/,
    "oxybenzone, banned in sunscreens sold in Hawaii (Act 104, 2018) and Palau (2018)",
  ],
  [
    /^(OCTINOXATE|ETHYLHEXYL METHOXYCINNAMATE|OCTYL METHOXYCINNAMATE)$/,
    "octinoxate, banned in sunscreens sold in Hawaii (Act 104, 2018) and Palau (2018)",
  ],
  // Palau, Responsible Tourism Education Act of 2018 (in force 1 January 2020), "reef-toxic" list.
  [/^OCTOCRYLENE$/, "octocrylene, on Palau's list of reef-toxic sunscreen ingredients (2018)"],
  [
    /^(4-METHYLBENZYLIDENE CAMPHOR|ENZACAMENE)$/,
    "4-methylbenzylidene camphor, on Palau's list of reef-toxic sunscreen ingredients (2018); prohibited in the EU from 1 May 2025 (Regulation (EU) 2024/996)",
  ],
];

export const reefCheck: EntryCheck = (ingredient) => {
  const names = allNamesOf(ingredient);
  for (const [pattern, why] of REEF_FILTERS) if (names.some((n) => pattern.test(n))) return why;
  return null;
};

export const pregnancyCaution: Rule = presenceRule({
  id: "pregnancy-caution",
  severity: "caution",
  title: "Pregnancy caution (not medical advice)",
  source:
    "Ingredient pregnancy facts; retinoids: Bozzo et al., Can Fam Physician 2011;57:665-667; Regulation (EU) 2024/996 (vitamin A limits)",
  check: pregnancyCheck,
});

export const photosensitising: Rule = presenceRule({
  id: "photosensitising",
  severity: "caution",
  title: "May increase sun sensitivity",
  source:
    "US FDA Guidance for Industry: Labeling for Cosmetics Containing Alpha Hydroxy Acids (2005); Regulation (EC) No 1223/2009 Annex II entry 358 (furocoumarins)",
  check: photosensitisingCheck,
  mayFire: (ingredient) => sunSensitivityOf(ingredient) !== null,
});

export const reefConcern: Rule = presenceRule({
  id: "reef-concern",
  severity: "info",
  title: "Reef concern: UV filters banned by reef-protection laws",
  source:
    "Hawaii Act 104 (2018); Palau Responsible Tourism Education Act of 2018; Downs et al., Arch Environ Contam Toxicol 2016;70:265-288",
  check: reefCheck,
});

export const CAUTION_RULES: readonly Rule[] = [pregnancyCaution, photosensitising, reefConcern];
