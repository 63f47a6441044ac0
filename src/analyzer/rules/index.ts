import type { Ingredient } from "../../ingredients/types.js";
import type { AnalyzedEntry, Flag, Rule, RuleHit, Severity } from "../types.js";
import { euAllergenLabel } from "./allergen-rule.js";
import { CATEGORY_RULES } from "./category-rules.js";
import { CAUTION_RULES } from "./caution-rules.js";
import { isEntryRule, isIngredientRule } from "./define.js";
import { fungalAcne } from "./fungal-acne.js";
import { onePercentCap, onePercentLineRule } from "./one-percent.js";
import { humanDerived, notVegan } from "./origin-rules.js";
import { prepareProfiles, profiledHits } from "./profile.js";
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
 * Work out ahead of use what the rules make of each ingredient (see profile.ts), so that no label
 * pays for it and the rule code is compiled before the first label. The server does it at boot and
 * on every dictionary swap; without it (the one-shot CLI) each profile is made on first use.
 */
export function prepareRules(ingredients: readonly Ingredient[]): void {
  prepareProfiles(ingredients, RULES);
  for (const ingredient of ingredients) onePercentCap(ingredient);
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

/** How `evaluateRules` reads a list of rules, worked out once per list. */
interface Plan {
  /** Rule indices by severity (warning, caution, info), then rule order: the order of the flags. */
  order: readonly number[];
  /** Rules answered by their profile (per-ingredient and entry rules), by index. */
  profiled: readonly boolean[];
}
const PLANS = new WeakMap<readonly Rule[], Plan>();

function planOf(rules: readonly Rule[]): Plan {
  let plan = PLANS.get(rules);
  if (!plan) {
    const order = rules.map((_, i) => i);
    order.sort(
      (a, b) =>
        SEVERITY_RANK[(rules[a] as Rule).severity] - SEVERITY_RANK[(rules[b] as Rule).severity] || a - b,
    );
    plan = { order, profiled: rules.map((rule) => isIngredientRule(rule) || isEntryRule(rule)) };
    PLANS.set(rules, plan);
  }
  return plan;
}

/**
 * Run every rule over the entries of a label: one flag per rule that fired, sorted by severity
 * (warning, caution, info) and then by rule order.
 */
export function evaluateRules(entries: readonly AnalyzedEntry[], rules: readonly Rule[] = RULES): Flag[] {
  const plan = planOf(rules);
  const profiled = profiledHits(entries, rules);
  const flags: Flag[] = [];
  for (const index of plan.order) {
    const rule = rules[index] as Rule;
    const hits = plan.profiled[index] ? (profiled[index] ?? []) : rule.evaluate(entries);
    if (hits.length === 0) continue;
    const { positions, reasons } = mergeHits(hits);
    flags.push({
      id: rule.id,
      severity: rule.severity,
      title: rule.title,
      positions,
      reasons,
      source: rule.source,
    });
  }
  return flags;
}
