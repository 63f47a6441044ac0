import type { FungalAcne } from "../../ingredients/types.js";
import type { Rule } from "../types.js";
import { categoriesOf } from "./classify.js";
import { type EntryCheck, presenceRule } from "./define.js";
import { describeAcyl, fattyAcylOf } from "./fatty-acids.js";
import { normalizeName, perIngredient } from "./names.js";

const INFERRED = "inferred from the name";

/**
 * The fungal-acne tier of an ingredient without an authored one, inferred from its name:
 * fatty acids of roughly C11-C24 and their esters and salts (Malassezia feeds on them), and
 * polysorbates (Tween 40/80 are the lipid source of Malassezia culture media such as modified
 * Dixon agar) are triggers; fixed plant oils and butters are "debated" (mostly C16-C18
 * triglycerides; lists disagree oil by oil). Null when nothing is inferred.
 */
export const inferredFungalAcne = perIngredient((ingredient): FungalAcne | null => {
  const categories = categoriesOf(ingredient);
  if (categories.has("polysorbate")) {
    return {
      tier: "trigger",
      reason: `polysorbate, a fatty-acid ester used to feed Malassezia in culture media (${INFERRED})`,
    };
  }
  const acyl = fattyAcylOf(normalizeName(ingredient.inci));
  if (acyl) return { tier: "trigger", reason: `${describeAcyl(acyl)}, a Malassezia food (${INFERRED})` };
  if (categories.has("plant-oil") && !categories.has("essential-oil")) {
    return {
      tier: "debated",
      reason: `plant oil or butter, mostly C16-C18 fatty-acid triglycerides; fungal-acne lists disagree (${INFERRED})`,
    };
  }
  return null;
});

/** The authored tier wins, "fine" included; inference only fills the gap. */
export const fungalAcneCheck: EntryCheck = (ingredient) => {
  const authored = ingredient.fungalAcne;
  if (authored) return authored.tier === "fine" ? null : `${authored.tier}: ${authored.reason}`;
  const inferred = inferredFungalAcne(ingredient);
  return inferred ? `${inferred.tier}: ${inferred.reason}` : null;
};

export const fungalAcne: Rule = presenceRule({
  id: "fungal-acne",
  severity: "info",
  title: "May feed Malassezia (fungal acne): trigger or debated",
  source:
    "Gaitanis et al., Clin Microbiol Rev 2012;25:106-141 (Malassezia lipid dependence); fatty acids/esters of roughly C11-C24 and polysorbates; tiers per ingredient facts",
  check: fungalAcneCheck,
});
