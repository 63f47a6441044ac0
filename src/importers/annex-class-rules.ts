/**
 * Annex entries that name a class of substances rather than substances, and which dictionary
 * ingredients each class covers. Kept small on purpose: a rule is added only where the annex
 * wording maps cleanly onto INCI names. Pure.
 *
 * Considered and not added: Annex II "X and its compounds" entries (lead, mercury, arsenic...)
 * carry exceptions listed elsewhere (phenylmercuric salts and thiomersal are allowed by Annex V
 * 16-17), so a name rule would flag allowed preservatives; Annex V "Salts of benzoic acid ... and
 * esters" (1a) and similar group entries list their CAS numbers, which the CAS join covers.
 */
import { nameKey } from "../analyzer/normalize.js";
import type { Annex } from "../ingredients/types.js";
import type { LinkCandidate } from "./annex-link.js";
import type { AnnexRow } from "./annex-parse.js";

export interface ClassRule {
  id: string;
  annex: Annex;
  ref: string;
  /** The annex wording the rule was written for: a renumbered or reworded entry does not match. */
  wording: RegExp;
  includes(candidate: LinkCandidate): boolean;
}

/**
 * INCI names that take HUMAN as their source: "HUMAN ADIPOSE DERIVED STEM CELL CONDITIONED
 * MEDIA", "HYDROLYZED HUMAN PLACENTAL PROTEIN", "PANTOEA VAGANS/HUMAN KERATINOCYTE CONDITIONED
 * MEDIA/...". Not of human origin, by the INCI naming conventions: "sh-" (synthetic human) and
 * "rh-" (recombinant human) proteins, made by bacteria, yeast or plants from a human-identical
 * sequence (SH-OLIGOPEPTIDE-1, BARLEY SH-POLYPEPTIDE-17); the " SP" suffix, a synthetic peptide
 * ("HUMAN CORONAVIRUS OLIGOPEPTIDE-1 SP" copies a virus sequence). "SH-HUMANIN" is not the word.
 */
export function namesHumanSource(inci: string): boolean {
  const key = nameKey(inci);
  if (!/\bHUMAN\b/.test(key)) return false;
  return !/(?:^|[^A-Z])(?:SH|RH)-/.test(key) && !/ SP$/.test(key);
}

/**
 * Annex II 416 (Regulation (EC) No 1223/2009): "Cells, tissues or products of human origin".
 * Its "Identified INGREDIENTS" list names some (it also lists rh-polypeptides, joined by name
 * as the Commission lists them); this rule covers the unlisted ones.
 */
const HUMAN_ORIGIN: ClassRule = {
  id: "annex-ii-416-human-origin",
  annex: "II",
  ref: "416",
  wording: /^cells, tissues or products of human origin$/i,
  includes: (candidate) => candidate.origin === "human-derived" || namesHumanSource(candidate.inci),
};

export const CLASS_RULES: readonly ClassRule[] = [HUMAN_ORIGIN];

/** The class rule written for this annex entry, or null. */
export function findClassRule(row: Pick<AnnexRow, "annex" | "ref" | "substance">): ClassRule | null {
  return (
    CLASS_RULES.find(
      (rule) => rule.annex === row.annex && rule.ref === row.ref && rule.wording.test(row.substance.trim()),
    ) ?? null
  );
}
