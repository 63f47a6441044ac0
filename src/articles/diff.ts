import type { Caution, FungalAcne, Rating } from "../ingredients/types.js";
import { type ArticleContent, fieldKeys, fieldLabel, fieldValue, sameValue } from "./fields.js";

/**
 * Differences between two versions of an article: facts field by field, sections line by line
 * (a longest-common-subsequence line diff, laid out side by side). Pure.
 */

export type LineOp = { op: "same" | "del" | "add"; text: string };

/** One row of a side-by-side diff: the old line on the left, the new one on the right. */
export interface DiffRow {
  kind: "same" | "change";
  left: { number: number; text: string } | null;
  right: { number: number; text: string } | null;
}

/** Beyond this many line pairs the table would cost too much: show all old lines, then all new ones. */
const MAX_CELLS = 4_000_000;

export function lineDiff(before: string, after: string): LineOp[] {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((text) => ({ op: "del" as const, text })),
      ...b.map((text) => ({ op: "add" as const, text })),
    ];
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const next = lcs[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] =
        a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ op: "same", text: a[i++] as string });
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))
      ops.push({ op: "del", text: a[i++] as string });
    else ops.push({ op: "add", text: b[j++] as string });
  }
  while (i < a.length) ops.push({ op: "del", text: a[i++] as string });
  while (j < b.length) ops.push({ op: "add", text: b[j++] as string });
  return ops;
}

/** Side by side: unchanged lines on both sides; a run of deletions and additions paired row by row. */
export function sideBySide(ops: readonly LineOp[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 0;
  let right = 0;
  for (let k = 0; k < ops.length; ) {
    const op = ops[k] as LineOp;
    if (op.op === "same") {
      rows.push({
        kind: "same",
        left: { number: ++left, text: op.text },
        right: { number: ++right, text: op.text },
      });
      k++;
      continue;
    }
    const dels: string[] = [];
    const adds: string[] = [];
    for (; k < ops.length && ops[k]?.op !== "same"; k++)
      (ops[k]?.op === "del" ? dels : adds).push(ops[k]?.text ?? "");
    for (let n = 0; n < Math.max(dels.length, adds.length); n++) {
      const l = dels[n];
      const r = adds[n];
      rows.push({
        kind: "change",
        left: l === undefined ? null : { number: ++left, text: l },
        right: r === undefined ? null : { number: ++right, text: r },
      });
    }
  }
  return rows;
}

export interface FieldChange {
  key: string;
  label: string;
  /** Facts: the values as people read them. */
  before: string;
  after: string;
  /** Sections: the line diff. */
  rows: DiffRow[] | null;
}

const yesNo = (v: unknown) => (v === true ? "yes" : v === false ? "no" : "unknown");

function ratingText(r: Rating): string {
  const value = r.value === null ? "not rated" : `${r.value} / 5`;
  const sources = r.sources.length > 0 ? ` Sources: ${r.sources.join(", ")}.` : "";
  const disagreement = r.disagreement ? ` Disagreement: ${r.disagreement}` : "";
  return `${value}, ${r.basis}. ${r.rationale}${sources}${disagreement}`;
}

/** A fact's value as one readable line (or a few). */
export function displayValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (key === "facts.vegan" || key === "facts.vegetarian") return yesNo(value);
  if (key === "facts.comedogenic" || key === "facts.irritancy") return ratingText(value as Rating);
  if (key === "facts.fungalAcne") return `${(value as FungalAcne).tier}: ${(value as FungalAcne).reason}`;
  if (key === "facts.pregnancy" || key === "facts.photosensitising") {
    const c = value as Caution;
    return `${c.caution ? "caution" : "no specific concern"}: ${c.note}`;
  }
  if (key === "aliases")
    return (
      (value as Array<{ name: string; kind: string }>).map((a) => `${a.name} (${a.kind})`).join("\n") ||
      "(none)"
    );
  if (key === "facts.eu") {
    const list = value as Array<{ annex: string; ref: string; substance: string }>;
    return list.map((e) => `Annex ${e.annex} ${e.ref}: ${e.substance}`).join("\n") || "(none)";
  }
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(String).join("\n");
  return String(value);
}

/** Every field that differs between two versions, facts first, then sections with their line diff. */
export function diffContents(before: ArticleContent, after: ArticleContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of fieldKeys(before, after)) {
    const a = fieldValue(before, key);
    const b = fieldValue(after, key);
    if (sameValue(a, b)) continue;
    const section = key.startsWith("sections.");
    changes.push({
      key,
      label: fieldLabel(key),
      before: section ? "" : displayValue(key, a),
      after: section ? "" : displayValue(key, b),
      rows: section ? sideBySide(lineDiff(String(a), String(b))) : null,
    });
  }
  return changes;
}
