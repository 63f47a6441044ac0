import type { Ingredient } from "../ingredients/types.js";
import { allergensOf } from "./rules/allergen-lookup.js";
import {
  dryingAlcoholCheck,
  essentialOilCheck,
  formaldehydeReleaserCheck,
  fragranceCheck,
  isothiazolinoneCheck,
  parabenCheck,
  siliconeCheck,
  sulfateCheck,
} from "./rules/category-rules.js";
import { categoriesOf } from "./rules/classify.js";
import { type EntryCheck, hitsOf } from "./rules/define.js";
import { BENZYL_ALCOHOL_REF } from "./rules/eu-allergens.js";
import { notVeganCheck, originUnknown } from "./rules/origin-rules.js";
import { comedogenicCheck } from "./rules/rating-rules.js";
import type { AnalyzedEntry, ClaimResult, RuleHit } from "./types.js";

/** Front-of-pack claims the list can be checked against. */
export const CLAIMS = [
  "fragrance-free",
  "essential-oil-free",
  "sulfate-free",
  "paraben-free",
  "silicone-free",
  "alcohol-free",
  "vegan",
  "non-comedogenic",
  "formaldehyde-releaser-free",
  "isothiazolinone-free",
  "peg-free",
] as const;
export type Claim = (typeof CLAIMS)[number];

const CLAIM_IDS: ReadonlySet<string> = new Set(CLAIMS);

export function isClaim(id: string): id is Claim {
  return CLAIM_IDS.has(id);
}

/**
 * A labelled fragrance allergen on the list is there as fragrance (or in an essential oil).
 * Benzyl alcohol is left out: it is mostly a preservative and solvent.
 */
const fragranceAllergenCheck: EntryCheck = (ingredient) => {
  const refs = allergensOf(ingredient)
    .filter((a) => a.ref !== BENZYL_ALCOHOL_REF)
    .map((a) => a.ref);
  return refs.length > 0
    ? `fragrance allergen (Annex III entry ${refs.join(", ")}), present as fragrance`
    : null;
};

/** PEG-free is broken by any polyethylene glycol chain: PEG-n names, polysorbates, "-eth" ethoxylates. */
const pegCheck: EntryCheck = (ingredient) => {
  const categories = categoriesOf(ingredient);
  if (categories.has("peg")) return "PEG compound (polyethylene glycol)";
  if (categories.has("polysorbate")) return "polysorbate, an ethoxylated (PEG-derived) emulsifier";
  if (categories.has("ethoxylated")) return "ethoxylated ingredient (contains a PEG chain)";
  return null;
};

/** The checks whose hits contradict each claim. */
const CONTRADICTED_BY: Record<Claim, readonly EntryCheck[]> = {
  "fragrance-free": [fragranceCheck, essentialOilCheck, fragranceAllergenCheck],
  "essential-oil-free": [essentialOilCheck],
  "sulfate-free": [sulfateCheck],
  "paraben-free": [parabenCheck],
  "silicone-free": [siliconeCheck],
  // "Alcohol-free" means free of ethyl (and other short-chain, drying) alcohol: in labelling
  // "alcohol" alone is ethyl alcohol, and alcohol-free products may contain fatty alcohols such as
  // cetyl, stearyl or cetearyl alcohol (US FDA consumer guidance; the usual industry meaning).
  "alcohol-free": [dryingAlcoholCheck],
  vegan: [notVeganCheck],
  // Same threshold as the comedogenic rule; the finished product decides (Draelos & DiNardo 2006).
  "non-comedogenic": [comedogenicCheck],
  "formaldehyde-releaser-free": [formaldehydeReleaserCheck],
  "isothiazolinone-free": [isothiazolinoneCheck],
  "peg-free": [pegCheck],
};

/** One reason per entry, however many checks object to it. */
function anyOf(checks: readonly EntryCheck[]): EntryCheck {
  return (ingredient, entry, entries) => {
    const whys = checks
      .map((check) => check(ingredient, entry, entries))
      .filter((w): w is string => w !== null);
    return whys.length > 0 ? [...new Set(whys)].join("; ") : null;
  };
}

const unknownOrigin: EntryCheck = (ingredient: Ingredient) =>
  originUnknown(ingredient) ? "origin not recorded, so it cannot be confirmed vegan" : null;

function unverifiedHits(claim: Claim, entries: readonly AnalyzedEntry[]): RuleHit[] {
  const hits: RuleHit[] = entries
    .filter((e) => e.ingredient === null)
    .map((e) => ({ position: e.position, reason: `${e.text}: not recognised, so it could not be checked` }));
  if (claim === "vegan") hits.push(...hitsOf(entries, unknownOrigin));
  return hits.sort((a, b) => a.position - b.position);
}

function split(hits: readonly RuleHit[]): { positions: number[]; reasons: string[] } {
  return { positions: hits.map((h) => h.position), reasons: hits.map((h) => h.reason) };
}

/**
 * Check front-of-pack claims against the entries of a label. A claim holds when no entry
 * contradicts it. Unknown claim ids are skipped: callers validate them with `isClaim`.
 */
export function checkClaims(entries: readonly AnalyzedEntry[], claims: readonly string[]): ClaimResult[] {
  const results: ClaimResult[] = [];
  for (const claim of new Set(claims)) {
    if (!isClaim(claim)) continue;
    const contradictions = hitsOf(entries, anyOf(CONTRADICTED_BY[claim])).sort(
      (a, b) => a.position - b.position,
    );
    results.push({
      claim,
      holds: contradictions.length === 0,
      ...split(contradictions),
      unverified: split(unverifiedHits(claim, entries)),
    });
  }
  return results;
}
