/** Validate the bundled corpus and print every problem; exit 1 when there is one. */

import { loadCorpus } from "../src/ingredients/corpus.js";
import { countWords } from "../src/ingredients/corpus-file.js";
import { CONTENT_DIR } from "../src/paths.js";

const { entries, problems } = loadCorpus(CONTENT_DIR);
for (const entry of entries) {
  const words = countWords(entry.sections);
  if (words > 0 && (words < 350 || words > 900)) {
    problems.push({
      file: `${entry.slug}.md`,
      message: `article has ${words} words; a full article has 350-900`,
    });
  }
}
for (const p of problems) console.log(`${p.file}: ${p.message}`);
console.log(`${entries.length} entries valid, ${problems.length} problems`);
process.exitCode = problems.length > 0 ? 1 : 0;
