import { analyzeLabel } from "../../src/analyzer/analyze.js";
import type { Dictionary } from "../../src/analyzer/dictionary.js";
import type { AnalyzedEntry } from "../../src/analyzer/types.js";
import type { RealList } from "./real-lists.js";

/** How much of a set of real lists a dictionary recognises. Shared by accuracy and the corpus report. */
export interface Recognition {
  lists: number;
  listsWithEntries: number;
  entries: number;
  recognised: number;
  share: number;
  byMatch: Record<AnalyzedEntry["match"], number>;
  skipped: number;
  skippedByWhy: Record<string, number>;
  unrecognised: Array<{ text: string; count: number }>;
  fuzzy: Array<{ list: string; text: string; inci: string; confidence: number }>;
}

export function measureRecognition(
  dictionary: Dictionary,
  lists: readonly RealList[],
  top = 30,
): Recognition {
  const byMatch = { exact: 0, alias: 0, fuzzy: 0, unknown: 0 };
  const skippedByWhy: Record<string, number> = {};
  const unknown = new Map<string, number>();
  const fuzzy: Recognition["fuzzy"] = [];
  let entries = 0;
  let skipped = 0;
  let listsWithEntries = 0;
  for (const list of lists) {
    const analysis = analyzeLabel(list.text, dictionary);
    if (analysis.entries.length > 0) listsWithEntries++;
    for (const entry of analysis.entries) {
      entries++;
      byMatch[entry.match]++;
      if (entry.match === "unknown") {
        const key = entry.text.toLowerCase();
        unknown.set(key, (unknown.get(key) ?? 0) + 1);
      } else if (entry.match === "fuzzy" && entry.ingredient) {
        fuzzy.push({
          list: `${list.set}#${list.id}`,
          text: entry.text,
          inci: entry.ingredient.inci,
          confidence: entry.confidence,
        });
      }
    }
    for (const s of analysis.skipped) {
      skipped++;
      skippedByWhy[s.why] = (skippedByWhy[s.why] ?? 0) + 1;
    }
  }
  const recognised = entries - byMatch.unknown;
  return {
    lists: lists.length,
    listsWithEntries,
    entries,
    recognised,
    share: entries === 0 ? 0 : recognised / entries,
    byMatch,
    skipped,
    skippedByWhy,
    unrecognised: [...unknown.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([text, count]) => ({ text, count })),
    fuzzy,
  };
}
