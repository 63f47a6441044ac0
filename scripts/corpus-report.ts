/**
 * npm run corpus:report [-- --json]: the size of the bundled corpus and how much of the real lists
 * it recognises on its own (Sephora; LookFantastic held out, never used to choose entries), the
 * most frequent unrecognised strings, and the entries whose CAS numbers or functions differ from
 * the imported CosIng inventory. Counting is shared with `npm run accuracy` (scripts/lib).
 */
import { loadCorpus } from "../src/ingredients/corpus.js";
import { CONTENT_DIR } from "../src/paths.js";
import { findDisagreements } from "./lib/disagreements.js";
import { openTempDictionary } from "./lib/inventory.js";
import { readLookFantastic, readSephoraLists } from "./lib/real-lists.js";
import { measureRecognition } from "./lib/recognition.js";

const json = process.argv.includes("--json");
const corpus = loadCorpus(CONTENT_DIR);
const fullArticles = corpus.entries.filter((e) => Object.keys(e.sections).length > 0).length;

const bundled = await openTempDictionary(false);
const sephora = measureRecognition(bundled.dictionary, readSephoraLists());
const heldOut = measureRecognition(bundled.dictionary, readLookFantastic());
await bundled.close();

const imported = await openTempDictionary(true);
const disagreements = await findDisagreements(imported.database.db);
await imported.close();

const report = {
  entries: corpus.entries.length,
  fullArticles,
  problems: corpus.problems.length,
  coverage: round(sephora.share),
  coverageHeldOut: round(heldOut.share),
  unrecognised: sephora.unrecognised,
  disagreements,
};
if (json) {
  console.log(JSON.stringify(report));
} else {
  console.log(
    `Entries: ${report.entries} (${report.fullArticles} full articles, ${report.problems} problems)`,
  );
  console.log(
    `Coverage, bundled corpus alone: Sephora ${pct(sephora.share)}; LookFantastic (held out) ${pct(heldOut.share)}`,
  );
  console.log("Most frequent unrecognised (Sephora):");
  for (const u of report.unrecognised) console.log(`  ${String(u.count).padStart(4)}  ${u.text}`);
  console.log(`Entries that differ from the imported CosIng inventory: ${disagreements.length}`);
  for (const d of disagreements) console.log(`  ${d.slug}: ${d.fields.join(", ")}`);
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)} %`;
}
