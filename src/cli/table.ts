import type { AnalysisJson } from "../analyzer/presenter.js";

/** The human-readable rendering of an analysis: an aligned table, then flags and skipped text. */
export function renderAnalysis(result: AnalysisJson): string {
  if (result.entries.length === 0)
    return `${result.notice ?? "No ingredients found."}\n${renderSkipped(result)}`;
  const rows = result.entries.map((e) => [
    String(e.position),
    truncate(e.text, 40),
    e.inci ? truncate(e.inci, 40) : "(unrecognised)",
    e.match === "fuzzy" ? `fuzzy ${e.confidence.toFixed(2)}` : e.match,
    [e.group === "may_contain" ? "may contain" : "", e.belowOnePercent ? "<=1%" : ""]
      .filter(Boolean)
      .join(" "),
    e.flags.join(", "),
  ]);
  const header = ["#", "Text", "INCI", "Match", "Note", "Flags"];
  const lines = [header, ...rows].map((row) => alignRow(row, widths([header, ...rows])));
  const out = [lines[0], lines[0]?.replace(/[^ ]/g, "-"), ...lines.slice(1)].join("\n");
  return `${out}\n${renderFlags(result)}${renderClaims(result)}${renderSkipped(result)}`;
}

function widths(rows: string[][]): number[] {
  return rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
}

function alignRow(row: string[], w: number[]): string {
  return row
    .map((cell, i) => cell.padEnd(w[i] ?? 0))
    .join("  ")
    .trimEnd();
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function renderFlags(result: AnalysisJson): string {
  if (result.flags.length === 0) return "\nNo flags.\n";
  const parts = result.flags.map(
    (f) =>
      `[${f.severity}] ${f.title} (${f.id})\n${f.reasons.map((r) => `  - ${r}`).join("\n")}\n  Source: ${f.source}`,
  );
  return `\nFlags:\n${parts.join("\n")}\n`;
}

function renderClaims(result: AnalysisJson): string {
  if (result.claims.length === 0) return "";
  const parts = result.claims.map(
    (c) =>
      `  ${c.claim}: ${c.holds ? "holds" : "contradicted"}${c.reasons.map((r) => `\n    - ${r}`).join("")}`,
  );
  return `\nClaims:\n${parts.join("\n")}\n`;
}

function renderSkipped(result: AnalysisJson): string {
  if (result.skipped.length === 0) return "";
  const parts = result.skipped.map((s) => `  (${s.why}) ${truncate(s.text.replace(/\s+/g, " "), 100)}`);
  return `\nSkipped ${result.skipped.length}:\n${parts.join("\n")}\n`;
}
