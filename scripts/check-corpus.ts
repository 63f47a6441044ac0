/** Validate the bundled corpus (schema, bibliography, sections, length, repeated sentences); exit 1 on a problem. */
import { loadCorpus } from "../src/ingredients/corpus.js";
import { checkCorpusQuality } from "../src/ingredients/corpus-quality.js";
import { CONTENT_DIR } from "../src/paths.js";

const { entries, problems } = loadCorpus(CONTENT_DIR);
problems.push(...checkCorpusQuality(entries));
for (const p of problems) console.log(`${p.file}: ${p.message}`);
const articles = entries.filter((e) => Object.keys(e.sections).length > 0).length;
console.log(`${entries.length} entries valid (${articles} with an article), ${problems.length} problems`);
process.exitCode = problems.length > 0 ? 1 : 0;
