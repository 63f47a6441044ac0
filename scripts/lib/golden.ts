/**
 * Golden check of the label decoder: analyse every real Sephora list with the full inventory
 * (the benchmark's dictionary) and write one JSON line per list, so that a change meant to be
 * a pure speed-up can be shown to leave every analysis unchanged.
 *   node --import tsx scripts/lib/golden.ts tmp/golden-before.json
 *   node --import tsx scripts/lib/golden.ts tmp/golden-after.json
 *   cmp tmp/golden-before.json tmp/golden-after.json
 * Each list is analysed twice, with and without every claim, in a fresh process (the memos cold, as
 * in the benchmark's first pass), and then again with the memos warm: the warm answers must equal
 * the cold ones, or the script fails.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { analyzeLabel } from "../../src/analyzer/analyze.js";
import { CLAIMS } from "../../src/analyzer/claims.js";
import type { Analysis } from "../../src/analyzer/types.js";
import { openTempDictionary } from "./inventory.js";
import { readSephoraLists } from "./real-lists.js";

/** An analysis as plain JSON: the ingredient by its slug, everything else as it stands. */
function dump(analysis: Analysis): string {
  return JSON.stringify({
    entries: analysis.entries.map(({ ingredient, ...entry }) => ({
      ...entry,
      ingredient: ingredient?.slug ?? null,
    })),
    flags: analysis.flags,
    skipped: analysis.skipped,
    claims: analysis.claims,
    sections: analysis.sections,
    notice: analysis.notice,
  });
}

function analyseAll(texts: readonly string[], dictionary: Parameters<typeof analyzeLabel>[1]): string[] {
  return texts.map(
    (text) =>
      `${dump(analyzeLabel(text, dictionary, { cache: false }))}\t${dump(
        analyzeLabel(text, dictionary, { cache: false, claims: CLAIMS }),
      )}`,
  );
}

const out = process.argv[2] ?? "tmp/golden.json";
const lists = readSephoraLists();
const temp = await openTempDictionary(true);
try {
  const cold = analyseAll(
    lists.map((l) => l.text),
    temp.dictionary,
  );
  const warm = analyseAll(
    lists.map((l) => l.text),
    temp.dictionary,
  );
  const differing = cold.filter((line, i) => line !== warm[i]).length;
  if (differing > 0) throw new Error(`${differing} lists analysed differently with the memos warm`);
  const lines = cold.map((line, i) => `${lists[i]?.set}:${lists[i]?.id}\t${line}`);
  writeFileSync(out, `${lines.join("\n")}\n`);
  const hash = createHash("sha256").update(lines.join("\n")).digest("hex");
  console.log(`${lines.length} lists written to ${out}; sha256 ${hash}`);
} finally {
  await temp.close();
}
