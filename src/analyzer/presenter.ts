import type { Analysis, AnalyzedEntry } from "./types.js";

/**
 * The JSON shape of an analysis: the CLI's `--json` object and the API's response (a contract).
 * A hand-written allowlist, so that nothing internal reaches the wire by accident.
 */
export interface AnalysisJson {
  entries: EntryJson[];
  flags: Analysis["flags"];
  skipped: Analysis["skipped"];
  claims: Analysis["claims"];
  sections: string[];
  notice: string | null;
}

export interface EntryJson {
  position: number;
  text: string;
  inci: string | null;
  name: string | null;
  slug: string | null;
  match: AnalyzedEntry["match"];
  confidence: number;
  group: AnalyzedEntry["group"];
  section: number;
  percent: number | null;
  belowOnePercent: boolean;
  nano: boolean;
  functions: string[];
  flags: string[];
}

export function presentAnalysis(analysis: Analysis): AnalysisJson {
  const flagsByPosition = new Map<number, string[]>();
  for (const flag of analysis.flags) {
    for (const position of flag.positions) {
      const list = flagsByPosition.get(position) ?? [];
      list.push(flag.id);
      flagsByPosition.set(position, list);
    }
  }
  return {
    entries: analysis.entries.map((e) => ({
      position: e.position,
      text: e.text,
      inci: e.ingredient?.inci ?? null,
      name: e.ingredient?.name ?? null,
      slug: e.ingredient?.slug ?? null,
      match: e.match,
      confidence: e.confidence,
      group: e.group,
      section: e.section,
      percent: e.percent,
      belowOnePercent: e.belowOnePercent,
      nano: e.nano,
      functions: e.ingredient ? [...e.ingredient.functions] : [],
      flags: flagsByPosition.get(e.position) ?? [],
    })),
    flags: analysis.flags.map((f) => ({ ...f, positions: [...f.positions], reasons: [...f.reasons] })),
    skipped: analysis.skipped.map((s) => ({ text: s.text, why: s.why })),
    claims: analysis.claims.map((c) => ({ ...c })),
    sections: [...analysis.sections],
    notice: analysis.notice,
  };
}
