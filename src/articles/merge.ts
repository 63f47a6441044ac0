import type { FactSource } from "../ingredients/types.js";
import {
  type ArticleContent,
  fieldHash,
  fieldKeys,
  fieldValue,
  isEditorOwned,
  sameValue,
  withField,
} from "./fields.js";

/** A field an editor published that the corpus changed too: the editor's text stays until resolved. */
export interface FieldConflict {
  field: string;
  corpusValue: unknown;
}

export interface CorpusMerge {
  /** The stored content after the reload: corpus fields applied, editor-owned ones kept. */
  merged: ArticleContent;
  conflicts: FieldConflict[];
  /** Per-field hashes of this corpus version: the baseline the next reload compares with. */
  hashes: Record<string, string>;
}

/** Per-field hashes of a corpus version. */
export function corpusHashes(corpus: ArticleContent): Record<string, string> {
  return Object.fromEntries(fieldKeys(corpus).map((key) => [key, fieldHash(fieldValue(corpus, key))]));
}

/**
 * Pure: apply a new corpus version to the stored content of an ingredient. Fields no editor has
 * published take the corpus value; editor-owned fields keep the editor's value, and are reported
 * as conflicts when the corpus changed them (its value differs from the last corpus version
 * loaded, `baseline`) to something other than the editor's text. Without a baseline (content
 * loaded before baselines were kept) any difference is reported.
 */
export function mergeCorpus(
  stored: ArticleContent,
  sources: Record<string, FactSource>,
  corpus: ArticleContent,
  baseline: Record<string, string> | null,
): CorpusMerge {
  let merged: ArticleContent = { ...stored, inci: corpus.inci };
  const conflicts: FieldConflict[] = [];
  const hashes: Record<string, string> = {};
  for (const key of fieldKeys(stored, corpus)) {
    const value = fieldValue(corpus, key);
    hashes[key] = fieldHash(value);
    if (!isEditorOwned(sources, key)) {
      merged = withField(merged, key, value);
      continue;
    }
    const corpusChanged = baseline ? baseline[key] !== hashes[key] : true;
    if (corpusChanged && !sameValue(fieldValue(stored, key), value)) {
      conflicts.push({ field: key, corpusValue: value });
    }
  }
  return { merged, conflicts, hashes };
}
