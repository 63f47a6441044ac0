import { checkClaims } from "./claims.js";
import type { Dictionary } from "./dictionary.js";
import { matchName } from "./matcher.js";
import { parseLabel } from "./parser.js";
import { repairItems } from "./repair.js";
import { evaluateRules, onePercentLine } from "./rules/index.js";
import type { Analysis, AnalyzedEntry } from "./types.js";

export interface AnalyzeOptions {
  claims?: readonly string[];
}

/** The label decoder: parse, match every item, then run the flag rules and the claim check. Pure. */
export function analyzeLabel(text: string, dictionary: Dictionary, options: AnalyzeOptions = {}): Analysis {
  const parsed = parseLabel(text);
  const items = repairItems(parsed.items, dictionary);
  const entries: AnalyzedEntry[] = items.map((item, index) => {
    const match = matchName(dictionary, item.name);
    return {
      position: index + 1,
      text: item.text,
      ingredient: match.ingredient,
      matchedName: match.matchedName,
      match: match.match,
      confidence: match.confidence,
      group: item.group,
      section: item.section,
      percent: item.percent,
      nano: item.nano,
      belowOnePercent: item.percent !== null && item.percent < 1,
    };
  });
  markOnePercentLine(entries);
  return {
    entries,
    flags: evaluateRules(entries),
    skipped: parsed.skipped,
    claims: checkClaims(entries, options.claims ?? []),
    sections: parsed.sections,
    notice: entries.length === 0 ? "No ingredient list was found in this text." : null,
  };
}

/** Everything listed after a preservative capped at 1 % or less is itself at 1 % or less. */
function markOnePercentLine(entries: AnalyzedEntry[]): void {
  const line = onePercentLine(entries);
  if (line === null) return;
  const section = entries.find((e) => e.position === line)?.section;
  for (const entry of entries) {
    if (entry.position > line && entry.section === section && entry.group === "main")
      entry.belowOnePercent = true;
  }
}
