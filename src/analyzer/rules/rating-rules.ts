import type { Ingredient, Rating } from "../../ingredients/types.js";
import type { Rule } from "../types.js";
import { type EntryCheck, presenceRule, shorten } from "./define.js";

/**
 * 0-5 scale of the rabbit-ear assay (Kligman & Mills 1972; Fulton, J Soc Cosmet Chem 1989;40:321-333).
 * 3 and above is "moderately" to "severely" comedogenic in that scale.
 */
export const COMEDOGENIC_THRESHOLD = 3;
/** Fulton's 0-5 irritancy grades; 3 and above is moderate to severe irritation. */
export const IRRITANCY_THRESHOLD = 3;

const BASIS: Record<Rating["basis"], string> = {
  tested: "tested",
  secondary: "from secondary compilations",
  estimated: "editorial estimate",
};

/** "5/5 (tested)". Only sourced ratings count: a rating without a value never fires. */
function ratingCheck(label: string, threshold: number, pick: (i: Ingredient) => Rating | null): EntryCheck {
  return (ingredient) => {
    const rating = pick(ingredient);
    if (!rating || rating.value === null || rating.value < threshold) return null;
    const disagreement = rating.disagreement ? `; sources disagree: ${shorten(rating.disagreement, 80)}` : "";
    return `${label} ${rating.value}/5 (${BASIS[rating.basis]})${disagreement}`;
  };
}

export const comedogenicCheck = ratingCheck(
  "comedogenic rating",
  COMEDOGENIC_THRESHOLD,
  (i) => i.comedogenic,
);
export const irritancyCheck = ratingCheck("irritancy rating", IRRITANCY_THRESHOLD, (i) => i.irritancy);

export const comedogenic: Rule = presenceRule({
  id: "comedogenic",
  // Info: the vehicle and the finished formula decide (Draelos & DiNardo, J Am Acad Dermatol 2006).
  severity: "info",
  title: `Comedogenic rating ${COMEDOGENIC_THRESHOLD}/5 or more`,
  source:
    "Kligman & Mills 1972 and Fulton 1989 (J Soc Cosmet Chem 40:321-333), rabbit-ear 0-5 scale; caveat: Draelos & DiNardo 2006",
  check: comedogenicCheck,
});

export const irritant: Rule = presenceRule({
  id: "irritant",
  severity: "caution",
  title: `Irritancy rating ${IRRITANCY_THRESHOLD}/5 or more`,
  source:
    "Fulton 1989 (J Soc Cosmet Chem 40:321-333), 0-5 irritancy grades, and the cited sources of each rating",
  check: irritancyCheck,
});
