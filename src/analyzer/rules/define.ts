import type { Ingredient } from "../../ingredients/types.js";
import type { AnalyzedEntry, Rule, RuleHit, Severity } from "../types.js";

/**
 * Why one entry matters to a rule, without the ingredient's name ("ester of palmitic acid (C16)"),
 * or null when it does not. `entries` is the whole label, for rules that need context.
 */
export type EntryCheck = (
  ingredient: Ingredient,
  entry: AnalyzedEntry,
  entries: readonly AnalyzedEntry[],
) => string | null;

export interface RuleSpec {
  id: string;
  severity: Severity;
  title: string;
  source: string;
  check: EntryCheck;
  /**
   * For a check that reads the entry: false when it returns null for every entry of the ingredient,
   * wherever it is listed. `evaluateRules` then asks the check only about the entries that may fire.
   */
  mayFire?: (ingredient: Ingredient) => boolean;
}

/** " (under "may contain")" for entries of a may-contain section, which count for presence too. */
export function groupNote(entry: AnalyzedEntry): string {
  return entry.group === "may_contain" ? ' (listed under "may contain")' : "";
}

/**
 * Apply a check to every recognised entry of both groups. Unrecognised entries (ingredient null)
 * never produce a hit: nothing is known about them.
 */
export function hitsOf(entries: readonly AnalyzedEntry[], check: EntryCheck): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const entry of entries) {
    if (!entry.ingredient) continue;
    const why = check(entry.ingredient, entry, entries);
    if (why !== null) {
      hits.push({ position: entry.position, reason: `${entry.ingredient.name}: ${why}${groupNote(entry)}` });
    }
  }
  return hits;
}

/**
 * A rule that fires on each entry whose ingredient passes `check`. A check that declares only the
 * ingredient parameter depends on nothing else, so its answer is memoised per ingredient.
 */
export function presenceRule(spec: RuleSpec): Rule | IngredientRule | EntryRule {
  const { check, mayFire, ...rule } = spec;
  const evaluate = (entries: readonly AnalyzedEntry[]) => hitsOf(entries, check);
  if (check.length >= 2)
    return mayFire ? { ...rule, evaluate, entryCheck: check, mayFire } : { ...rule, evaluate };
  return { ...rule, evaluate, ingredientCheck: (ingredient: Ingredient) => check(ingredient, NO_ENTRY, []) };
}

/**
 * A rule whose answer depends on the ingredient alone. `evaluateRules` asks it once per ingredient
 * and remembers the answer, instead of once per entry of every label.
 */
export interface IngredientRule extends Rule {
  ingredientCheck(ingredient: Ingredient): string | null;
}

export function isIngredientRule(rule: Rule): rule is IngredientRule {
  return typeof (rule as Partial<IngredientRule>).ingredientCheck === "function";
}

/**
 * A rule whose answer depends on where the entry is listed, with a test of the ingredient alone
 * that rules out most entries: `evaluateRules` remembers that test per ingredient and runs the
 * check only on the entries it lets through.
 */
export interface EntryRule extends Rule {
  entryCheck: EntryCheck;
  mayFire(ingredient: Ingredient): boolean;
}

export function isEntryRule(rule: Rule): rule is EntryRule {
  return typeof (rule as Partial<EntryRule>).mayFire === "function";
}

// Never read: a per-ingredient check declares no entry parameter.
const NO_ENTRY = {} as AnalyzedEntry;

/** Collapse whitespace and cut a long regulatory text to `max` characters at a word boundary. */
export function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
