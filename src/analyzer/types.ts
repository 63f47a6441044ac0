import type { Ingredient } from "../ingredients/types.js";

/** How an entry's text was matched to an ingredient. */
export type MatchKind = "exact" | "alias" | "fuzzy" | "unknown";
export type Group = "main" | "may_contain";
export type Severity = "info" | "caution" | "warning";

/** Why a piece of input text is not an entry. */
export type SkipReason =
  | "heading"
  | "marketing"
  | "disclaimer"
  | "footnote"
  | "note"
  | "empty"
  | "not_a_list";

/** One piece of a label after parsing, before matching. */
export interface ParsedItem {
  /** The text as it stood in the input (trimmed). */
  text: string;
  /** The name after marks, percentages and "(nano)" are removed; the matcher resolves aliases in it. */
  name: string;
  group: Group;
  section: number;
  percent: number | null;
  nano: boolean;
  /** Footnote marks stripped from the name ("*", "**", "†"). */
  marks: string[];
}

export interface SkippedText {
  text: string;
  why: SkipReason;
}

export interface ParsedLabel {
  items: ParsedItem[];
  skipped: SkippedText[];
  sections: string[];
}

/** One entry of an analyzed label: a parsed item and the ingredient it matched, if any. */
export interface AnalyzedEntry {
  /** 1-based, across the whole text. */
  position: number;
  text: string;
  ingredient: Ingredient | null;
  /** The name that matched (the alias or the fuzzy candidate). */
  matchedName: string | null;
  match: MatchKind;
  confidence: number;
  group: Group;
  section: number;
  percent: number | null;
  nano: boolean;
  belowOnePercent: boolean;
}

/** What one rule found in one entry. */
export interface RuleHit {
  position: number;
  /** One line a person understands, naming the ingredient: "Ethylhexyl Palmitate: ester of palmitic acid (C16)". */
  reason: string;
}

export interface Rule {
  /** Stable id, used in the API, the CLI and the reader's profile. */
  id: string;
  severity: Severity;
  title: string;
  /** Regulation and article, study, or published list the rule rests on. */
  source: string;
  evaluate(entries: readonly AnalyzedEntry[]): RuleHit[];
}

/** A rule that fired on a label. */
export interface Flag {
  id: string;
  severity: Severity;
  title: string;
  positions: number[];
  reasons: string[];
  source: string;
}

export interface ClaimResult {
  claim: string;
  holds: boolean;
  /** Positions of the entries that contradict the claim. */
  positions: number[];
  reasons: string[];
  /**
   * Entries that neither contradict nor confirm the claim: unrecognised entries, and for "vegan"
   * entries whose origin is not known. They lower the certainty of a claim that holds.
   */
  unverified?: { positions: number[]; reasons: string[] };
}

export interface Analysis {
  entries: AnalyzedEntry[];
  flags: Flag[];
  skipped: SkippedText[];
  claims: ClaimResult[];
  sections: string[];
  notice: string | null;
}
