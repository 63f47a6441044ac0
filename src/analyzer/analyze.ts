import { checkClaims } from "./claims.js";
import type { Dictionary } from "./dictionary.js";
import { memoPerDictionary } from "./memo.js";
import { parseLabel } from "./parser.js";
import { repairAndMatch } from "./repair.js";
import { evaluateRules, onePercentLine } from "./rules/index.js";
import type { Analysis, AnalyzedEntry } from "./types.js";

export interface AnalyzeOptions {
  claims?: readonly string[];
  /** false: do not use or fill the label cache (benchmarks of the decoder itself). */
  cache?: boolean;
}

/**
 * The label decoder: parse, match every item, then run the flag rules and the claim check. Pure:
 * the same text and dictionary give the same analysis, so recent answers are kept in a bounded
 * cache (popular products are pasted again and again). The returned object is shared: read only.
 */
export function analyzeLabel(text: string, dictionary: Dictionary, options: AnalyzeOptions = {}): Analysis {
  const claims = options.claims ?? [];
  if (options.cache === false || text.length > MAX_CACHED_LENGTH)
    return analyzeUncached(text, dictionary, claims);
  const key = claims.length === 0 ? text : `${claims.join(",")}\u0000${text}`;
  return analyses(dictionary).get(key, () => analyzeUncached(text, dictionary, claims));
}

const analyses = memoPerDictionary<Analysis>(20_000);
const MAX_CACHED_LENGTH = 20_000;

function analyzeUncached(text: string, dictionary: Dictionary, claims: readonly string[]): Analysis {
  const parsed = parseLabel(text);
  const entries: AnalyzedEntry[] = repairAndMatch(parsed.items, dictionary).map(({ item, match }, index) => ({
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
  }));
  markOnePercentLine(entries);
  return {
    entries,
    flags: evaluateRules(entries),
    skipped: parsed.skipped,
    claims: checkClaims(entries, claims),
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
