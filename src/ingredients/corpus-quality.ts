import type { ParsedCorpusFile } from "./corpus-file.js";
import { countWords } from "./corpus-file.js";

/**
 * Checks of the corpus writing: full articles are 350-900 words, and no sentence of 12 words or
 * more appears in more than three articles (template padding), fixed disclaimers excepted.
 */
export const FIXED_SENTENCES: readonly string[] = [
  "This is general information, not medical advice: ask your doctor or pharmacist about your own situation.",
];

export const MIN_ARTICLE_WORDS = 350;
export const MAX_ARTICLE_WORDS = 900;
const MIN_SENTENCE_WORDS = 12;
const MAX_ARTICLES_PER_SENTENCE = 3;

function normalise(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/^\s*[-*]\s+/gm, "")
    .split(/(?<=[.!?])\s+|\n{2,}/)
    .map(normalise)
    .filter((s) => s.split(" ").length >= MIN_SENTENCE_WORDS);
}

export interface QualityProblem {
  file: string;
  message: string;
}

export function checkCorpusQuality(entries: readonly ParsedCorpusFile[]): QualityProblem[] {
  const problems: QualityProblem[] = [];
  const fixed = new Set(FIXED_SENTENCES.map(normalise));
  const seen = new Map<string, Set<string>>();
  for (const entry of entries) {
    const words = countWords(entry.sections);
    if (words === 0) continue;
    if (words < MIN_ARTICLE_WORDS || words > MAX_ARTICLE_WORDS) {
      problems.push({
        file: `${entry.slug}.md`,
        message: `article has ${words} words; a full article has 350-900`,
      });
    }
    for (const sentence of new Set(sentencesOf(Object.values(entry.sections).join("\n\n")))) {
      if (fixed.has(sentence)) continue;
      const slugs = seen.get(sentence) ?? new Set<string>();
      slugs.add(entry.slug);
      seen.set(sentence, slugs);
    }
  }
  for (const [sentence, slugs] of seen) {
    if (slugs.size > MAX_ARTICLES_PER_SENTENCE) {
      problems.push({
        file: [...slugs].map((s) => `${s}.md`).join(", "),
        message: `the sentence "${sentence.slice(0, 120)}" appears in ${slugs.size} articles (at most ${MAX_ARTICLES_PER_SENTENCE})`,
      });
    }
  }
  return problems;
}
