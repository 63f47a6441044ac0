import type { Ingredient } from "../../ingredients/types.js";
import type { AnalyzedEntry, Flag, Rule, RuleHit, Severity } from "../types.js";
import { euAllergenLabel } from "./allergen-rule.js";
import { CATEGORY_RULES } from "./category-rules.js";
import { CAUTION_RULES } from "./caution-rules.js";
import { groupNote, isIngredientRule } from "./define.js";
import { fungalAcne } from "./fungal-acne.js";
import { onePercentLineRule } from "./one-percent.js";
import { humanDerived, notVegan } from "./origin-rules.js";
import { comedogenic, irritant } from "./rating-rules.js";
import { REGULATION_RULES } from "./regulation-rules.js";

export { categoriesOf } from "./classify.js";
export { onePercentLine } from "./one-percent.js";

/** Every flag rule, in display order within a severity. Ids are stable: the API, CLI and profiles use them. */
export const RULES: readonly Rule[] = [
  euAllergenLabel,
  ...REGULATION_RULES,
  comedogenic,
  irritant,
  fungalAcne,
  ...CATEGORY_RULES,
  notVegan,
  humanDerived,
  ...CAUTION_RULES,
  onePercentLineRule,
];

/**
 * For each ingredient: the per-ingredient rules (by index in `rules`) that fire on it, and the
 * reason with the ingredient's name already in front ("Linalool: ...").
 */
type Profile = ReadonlyArray<readonly [number, string]>;
const PROFILES = new WeakMap<readonly Rule[], WeakMap<Ingredient, Profile>>();

function profileOf(ingredient: Ingredient, rules: readonly Rule[]): Profile {
  let cache = PROFILES.get(rules);
  if (!cache) {
    cache = new WeakMap();
    PROFILES.set(rules, cache);
  }
  let profile = cache.get(ingredient);
  if (!profile) {
    const found: Array<readonly [number, string]> = [];
    rules.forEach((rule, index) => {
      const why = isIngredientRule(rule) ? rule.ingredientCheck(ingredient) : null;
      if (why !== null) found.push([index, `${ingredient.name}: ${why}`]);
    });
    profile = found;
    cache.set(ingredient, profile);
  }
  return profile;
}

/** The hits of every per-ingredient rule, indexed like `rules` (undefined: no hit). */
function ingredientRuleHits(
  entries: readonly AnalyzedEntry[],
  rules: readonly Rule[],
): Array<RuleHit[] | undefined> {
  const hits: Array<RuleHit[] | undefined> = [];
  for (const entry of entries) {
    if (!entry.ingredient) continue;
    const note = groupNote(entry);
    for (const [index, reason] of profileOf(entry.ingredient, rules)) {
      const hit = { position: entry.position, reason: note === "" ? reason : reason + note };
      const list = hits[index];
      if (list === undefined) hits[index] = [hit];
      else list.push(hit);
    }
  }
  return hits;
}

const SEVERITY_RANK: Record<Severity, number> = { warning: 0, caution: 1, info: 2 };

/** Positions ascending and unique; reasons of one position joined, in the same order. */
function mergeHits(hits: readonly RuleHit[]): { positions: number[]; reasons: string[] } {
  // The usual case (one hit per entry, entries in order) has nothing to merge.
  if (strictlyAscending(hits))
    return { positions: hits.map((h) => h.position), reasons: hits.map((h) => h.reason) };
  const byPosition = new Map<number, string[]>();
  for (const hit of hits) {
    const reasons = byPosition.get(hit.position) ?? [];
    if (!reasons.includes(hit.reason)) reasons.push(hit.reason);
    byPosition.set(hit.position, reasons);
  }
  const positions = [...byPosition.keys()].sort((a, b) => a - b);
  return { positions, reasons: positions.map((p) => (byPosition.get(p) ?? []).join("; ")) };
}

function strictlyAscending(hits: readonly RuleHit[]): boolean {
  for (let i = 1; i < hits.length; i++) {
    if ((hits[i] as RuleHit).position <= (hits[i - 1] as RuleHit).position) return false;
  }
  return true;
}

/**
 * Run every rule over the entries of a label: one flag per rule that fired, sorted by severity
 * (warning, caution, info) and then by rule order.
 */
export function evaluateRules(entries: readonly AnalyzedEntry[], rules: readonly Rule[] = RULES): Flag[] {
  const flags: Array<Flag & { order: number }> = [];
  const ingredientHits = ingredientRuleHits(entries, rules);
  rules.forEach((rule, order) => {
    const hits = isIngredientRule(rule) ? (ingredientHits[order] ?? []) : rule.evaluate(entries);
    if (hits.length === 0) return;
    const { positions, reasons } = mergeHits(hits);
    flags.push({
      id: rule.id,
      severity: rule.severity,
      title: rule.title,
      positions,
      reasons,
      source: rule.source,
      order,
    });
  });
  flags.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order);
  return flags.map(({ order: _order, ...flag }) => flag);
}
