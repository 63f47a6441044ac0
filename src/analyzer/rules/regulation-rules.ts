import type { Annex, Ingredient } from "../../ingredients/types.js";
import type { Rule } from "../types.js";
import { allergenByRef } from "./allergen-lookup.js";
import { annexLabel, conditionsPhrase, maximumPhrase, regulationsIn } from "./annex.js";
import { presenceRule } from "./define.js";

const REGULATION = "Regulation (EC) No 1223/2009";

/** One phrase per linked entry of `annex`, or null when the ingredient has none. */
function annexCheck(
  annex: Annex,
  describe: (label: string, details: string) => string,
): (ingredient: Ingredient) => string | null {
  return (ingredient: Ingredient) => {
    const phrases = regulationsIn(ingredient, annex).map((reg) => {
      const details = annex === "III" || annex === "IV" ? conditionsPhrase(reg) : (maximumPhrase(reg) ?? "");
      return describe(annexLabel(reg), details);
    });
    return phrases.length > 0 ? phrases.join(" | ") : null;
  };
}

export const prohibitedCheck = annexCheck("II", (label) => `${label}, prohibited in EU cosmetic products`);

/**
 * Annex III entries that only require allergen labelling (no maximum concentration) are left to
 * the eu-allergen-label rule, so one allergen does not raise two flags.
 */
const describeRestricted = annexCheck("III", (label, details) =>
  details ? `${label}: ${details}` : `${label}, restricted`,
);

export const restrictedCheck = (ingredient: Ingredient): string | null => {
  const restrictive = ingredient.regulations.filter(
    (reg) =>
      !(
        reg.annex === "III" &&
        allergenByRef(reg.ref) &&
        reg.maxConcentration === null &&
        reg.maxPercent === null
      ),
  );
  return describeRestricted({ ...ingredient, regulations: restrictive });
};

export const euProhibited: Rule = presenceRule({
  id: "eu-prohibited",
  severity: "warning",
  title: "Prohibited in EU cosmetics (Annex II)",
  // Article 14(1)(a): cosmetic products shall not contain the substances listed in Annex II.
  source: `${REGULATION}, Article 14(1)(a) and Annex II`,
  check: prohibitedCheck,
});

export const euRestricted: Rule = presenceRule({
  id: "eu-restricted",
  severity: "caution",
  title: "Restricted in the EU (Annex III): conditions and warnings apply",
  // Article 14(1)(b): Annex III substances only within its restrictions, with its label warnings.
  source: `${REGULATION}, Article 14(1)(b) and Annex III`,
  check: restrictedCheck,
});

export const euPreservative: Rule = presenceRule({
  id: "eu-preservative",
  severity: "info",
  title: "EU-authorised preservative (Annex V), with its maximum",
  // Article 14(1)(d): only Annex V preservatives, within their maximum concentrations.
  source: `${REGULATION}, Article 14(1)(d) and Annex V`,
  check: annexCheck(
    "V",
    (label, details) => `${label}, authorised preservative${details ? `, ${details}` : ""}`,
  ),
});

export const euUvFilter: Rule = presenceRule({
  id: "eu-uv-filter",
  severity: "info",
  title: "EU-authorised UV filter (Annex VI)",
  // Article 14(1)(e): only Annex VI UV filters, within their maximum concentrations.
  source: `${REGULATION}, Article 14(1)(e) and Annex VI`,
  check: annexCheck(
    "VI",
    (label, details) => `${label}, authorised UV filter${details ? `, ${details}` : ""}`,
  ),
});

export const euColorant: Rule = presenceRule({
  id: "eu-colorant",
  severity: "info",
  title: "EU-authorised colorant (Annex IV)",
  // Article 14(1)(c): only Annex IV colorants, under their conditions.
  source: `${REGULATION}, Article 14(1)(c) and Annex IV`,
  check: annexCheck(
    "IV",
    (label, details) => `${label}, authorised colorant${details ? `, ${details}` : ""}`,
  ),
});

export const REGULATION_RULES: readonly Rule[] = [
  euProhibited,
  euRestricted,
  euPreservative,
  euUvFilter,
  euColorant,
];
