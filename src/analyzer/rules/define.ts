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
}

/** " (under "may contain")" for entries of a may-contain section, which count for presence too. */
function groupNote(entry: AnalyzedEntry): string {
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

/** A rule that fires on each entry whose ingredient passes `check`. */
export function presenceRule(spec: RuleSpec): Rule {
  const { check, ...rule } = spec;
  return { ...rule, evaluate: (entries) => hitsOf(entries, check) };
}

/** Collapse whitespace and cut a long regulatory text to `max` characters at a word boundary. */
export function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
