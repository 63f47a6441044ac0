import type { RegulationEntry } from "../../ingredients/types.js";
import type { AnalyzedEntry, Rule, RuleHit } from "../types.js";
import { annexMaxPercent, formatPercent } from "./annex.js";
import { perIngredient } from "./names.js";

/**
 * The "1 % line". Article 19(1)(g) of Regulation (EC) No 1223/2009: ingredients are listed in
 * descending order of weight, but those under 1 % may follow in any order. A preservative that
 * Annex V caps at 1 % or less is itself at most 1 %, so everything listed after it in the same
 * list (section) is at most 1 % too. Only the main group counts: "may contain" lists are unordered.
 */

const ONE_PERCENT = 1;

/** The Annex V entry that caps an ingredient at 1 % or less, if any. */
export const onePercentCap = perIngredient((ingredient): RegulationEntry | null => {
  for (const reg of ingredient.regulations) {
    if (reg.annex !== "V") continue;
    const max = annexMaxPercent(reg);
    if (max !== null && max <= ONE_PERCENT) return reg;
  }
  return null;
});

const linesCache = new WeakMap<readonly AnalyzedEntry[], Map<number, AnalyzedEntry>>();

/** Per section, the first main-group entry that is a preservative capped at 1 % or less. */
export function onePercentLines(entries: readonly AnalyzedEntry[]): ReadonlyMap<number, AnalyzedEntry> {
  const cached = linesCache.get(entries);
  if (cached) return cached;
  const lines = new Map<number, AnalyzedEntry>();
  // Entries come in position order from the analyzer: sort only what does not.
  const ordered = inPositionOrder(entries) ? entries : [...entries].sort((a, b) => a.position - b.position);
  for (const entry of ordered) {
    if (entry.group !== "main" || !entry.ingredient || lines.has(entry.section)) continue;
    if (onePercentCap(entry.ingredient)) lines.set(entry.section, entry);
  }
  linesCache.set(entries, lines);
  return lines;
}

function inPositionOrder(entries: readonly AnalyzedEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    if ((entries[i] as AnalyzedEntry).position < (entries[i - 1] as AnalyzedEntry).position) return false;
  }
  return true;
}

/** The position of the first 1 % line of the text, or null when no capped preservative is listed. */
export function onePercentLine(entries: readonly AnalyzedEntry[]): number | null {
  let first: number | null = null;
  for (const line of onePercentLines(entries).values()) {
    if (first === null || line.position < first) first = line.position;
  }
  return first;
}

/** Whether an entry is known to be at 1 % or less: flagged so by the analyzer, or after its section's line. */
export function isBelowOnePercent(entry: AnalyzedEntry, entries: readonly AnalyzedEntry[]): boolean {
  if (entry.belowOnePercent) return true;
  const line = onePercentLines(entries).get(entry.section);
  return entry.group === "main" && line !== undefined && entry.position > line.position;
}

/** "Phenoxyethanol, Annex V maximum 1 %": the same for every entry below the line. */
const lineReason = perIngredient((ingredient): string => {
  const cap = onePercentCap(ingredient);
  const max = cap ? annexMaxPercent(cap) : null;
  return max === null ? ingredient.name : `${ingredient.name}, Annex V maximum ${formatPercent(max)}`;
});

function lineHits(entries: readonly AnalyzedEntry[]): RuleHit[] {
  const lines = onePercentLines(entries);
  const hits: RuleHit[] = [];
  // The end of the reason is the same for every entry below one line: built once per line.
  let lastLine: AnalyzedEntry | undefined;
  let after = "";
  for (const entry of entries) {
    const line = lines.get(entry.section);
    // Unrecognised entries never fire a rule, even though they too sit below the line.
    if (!line?.ingredient || !entry.ingredient || entry.group !== "main" || entry.position <= line.position)
      continue;
    if (line !== lastLine) {
      lastLine = line;
      after = `: listed after ${lineReason(line.ingredient)}, so at 1 % or less`;
    }
    hits.push({ position: entry.position, reason: entry.ingredient.name + after });
  }
  return hits.sort((a, b) => a.position - b.position);
}

export const onePercentLineRule: Rule = {
  id: "one-percent-line",
  severity: "info",
  title: "Below the 1 % line",
  source:
    "Regulation (EC) No 1223/2009, Article 19(1)(g) (order of ingredients) and Annex V (maximum concentrations)",
  evaluate: lineHits,
};
