import type { Ingredient } from "../../ingredients/types.js";
import type { Rule } from "../types.js";
import { allergensOf, containedAllergens } from "./allergen-lookup.js";
import { type EntryCheck, presenceRule } from "./define.js";
import {
  BENZYL_ALCOHOL_REF,
  type EuAllergen,
  LEAVE_ON_THRESHOLD_PERCENT,
  RINSE_OFF_THRESHOLD_PERCENT,
} from "./eu-allergens.js";
import { listPhrase, normalizeName } from "./names.js";

const THRESHOLDS = `above ${LEAVE_ON_THRESHOLD_PERCENT} % in leave-on and ${RINSE_OFF_THRESHOLD_PERCENT} % in rinse-off products`;

/** "labelled as 'Lavandula Oil/Extract'" when the label name differs from the ingredient's own name. */
function labelPart(ingredient: Ingredient, allergen: EuAllergen): string {
  const same = normalizeName(allergen.labelName) === normalizeName(ingredient.inci);
  return same ? "" : `, to be labelled as "${allergen.labelName}"`;
}

function ownReason(ingredient: Ingredient, allergen: EuAllergen): string {
  const entry = `Annex III entry ${allergen.ref}, ${allergen.regulation}`;
  if (allergen.ref === BENZYL_ALCOHOL_REF) {
    return `fragrance allergen (${entry}); must be labelled ${THRESHOLDS} only when used for purposes other than preservation (e.g. as a solvent or in fragrance)`;
  }
  return `fragrance allergen (${entry})${labelPart(ingredient, allergen)}; must be labelled ${THRESHOLDS}`;
}

/**
 * An ingredient that is on the labelling list itself, or a botanical whose facts name labelled
 * allergens it contains ("Lavender Oil: contains linalool, a labelled allergen").
 */
export const allergenCheck: EntryCheck = (ingredient) => {
  const parts = allergensOf(ingredient).map((a) => ownReason(ingredient, a));
  const contained = containedAllergens(ingredient).map((a) => a.labelName.toLowerCase());
  if (contained.length === 1) parts.push(`contains ${contained[0]}, a labelled allergen`);
  if (contained.length > 1) parts.push(`contains ${listPhrase(contained)}, labelled allergens`);
  return parts.length > 0 ? parts.join("; ") : null;
};

export const euAllergenLabel: Rule = presenceRule({
  id: "eu-allergen-label",
  // Info for everyone; the reader's "fragrance allergy" profile highlights it.
  severity: "info",
  title: `EU fragrance allergens to label (> ${LEAVE_ON_THRESHOLD_PERCENT} % leave-on, > ${RINSE_OFF_THRESHOLD_PERCENT} % rinse-off)`,
  source:
    "Regulation (EC) No 1223/2009, Article 19(1)(g) and Annex III (labelling entries), as amended by Regulation (EU) No 344/2013 and Regulation (EU) 2023/1545",
  check: allergenCheck,
});
