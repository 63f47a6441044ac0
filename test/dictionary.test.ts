import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { analyzeLabel } from "../src/analyzer/analyze.js";
import type { Database } from "../src/db/database.js";
import { importAnnexRows } from "../src/importers/annex-import.js";
import { parseAnnex } from "../src/importers/annex-parse.js";
import { importCosingRows } from "../src/importers/cosing-import.js";
import { parseCosingInventory } from "../src/importers/cosing-parse.js";
import { loadBundledCorpus, loadDictionary } from "../src/ingredients/service.js";
import { CONTENT_DIR } from "../src/paths.js";
import { describeEachDatabase, type TestDatabase } from "./databases.js";

const COSING = [
  "inci_name,cas_number,einecs_number,function",
  "AQUA,1111-11-1,,Solvent", // disagrees with the authored CAS on purpose
  'GLYCERIN,56-81-5,200-289-5,"Denaturant, Humectant"',
  "CI 77891,13463-67-7,236-675-5,Colorant",
  'INCI ATLAS TEST ESTER,99999-99-9,,"Binding, Emollient"',
  '"BROKEN ROW',
].join("\r\n");

const ANNEX_II = [
  '"File creation date: 24/12/2025"',
  '"ANNEX II","Last update: 08/12/2025"',
  '"LIST OF SUBSTANCES PROHIBITED IN COSMETIC PRODUCTS"',
  '"Substance identification"',
  '"Reference Number","Chemical name / INN","CAS Number","EC Number",Regulation,"Other Directives/Regulations","SCCS opinions","Chemical/IUPAC Name","Identified INGREDIENTS or substances e.g.",CMR,"Update Date"',
  '416,"Cells, tissues or products of human origin",-,-,"(EC) 2009/1223",,,,,,15/10/2010',
  '999,"Inci Atlas test ester (test row)",99999-99-9,-,"(EC) 2009/1223",,,,,,15/10/2010',
].join("\n");

describeEachDatabase("dictionary storage", (make) => {
  let test: TestDatabase;
  let database: Database;
  before(async () => {
    test = await make();
    database = await test.open();
  });
  after(async () => {
    await database.close();
    await test.drop();
  });

  it("loads the bundled corpus once, then skips unchanged entries", async () => {
    const first = await loadBundledCorpus(database, CONTENT_DIR);
    assert.ok(first.inserted >= 50, `inserted ${first.inserted}`);
    const second = await loadBundledCorpus(database, CONTENT_DIR);
    assert.equal(second.inserted + second.updated, 0);
    assert.equal(second.unchanged, first.inserted);
  });

  it("imports CosIng rows without overwriting authored facts, idempotently", async () => {
    const parsed = parseCosingInventory(COSING);
    assert.equal(parsed.rows.length, 4);
    assert.equal(parsed.problems.length, 1);
    const first = await importCosingRows(database.db, parsed.rows);
    assert.equal(first.inserted, 1); // the test ester only: the others are authored entries
    assert.equal(first.enriched, 3);
    const again = await importCosingRows(database.db, parsed.rows);
    assert.deepEqual([again.inserted, again.updated, again.enriched], [0, 0, 0]);
    const dictionary = await loadDictionary(database);
    assert.deepEqual(dictionary.exact("AQUA")?.ingredient.cas, ["7732-18-5"]);
    const ester = dictionary.exact("Inci Atlas Test Ester")?.ingredient;
    assert.equal(ester?.name, "Inci Atlas Test Ester");
    assert.equal(ester?.source, "cosing");
    // CI 77891 is the colour index name of TITANIUM DIOXIDE: one ingredient, not two.
    assert.equal(dictionary.exact("CI 77891")?.ingredient.inci, "TITANIUM DIOXIDE");
    assert.equal(dictionary.ingredients.filter((i) => i.inci === "CI 77891").length, 0);
  });

  it("links annex entries by CAS and by class, and re-imports idempotently", async () => {
    const parsed = parseAnnex(ANNEX_II);
    assert.equal(parsed.annex, "II");
    const first = await importAnnexRows(database.db, "II", parsed.rows);
    const again = await importAnnexRows(database.db, "II", parsed.rows);
    assert.deepEqual(again.links, first.links);
    assert.ok(first.links.class >= 1 && first.links.cas >= 1);
    const dictionary = await loadDictionary(database);
    const human = dictionary.exact("Human Amniotic Membrane Stem Cell Conditioned Media")?.ingredient;
    assert.ok(
      human?.regulations.some((r) => r.annex === "II" && r.ref === "416" && r.matchedBy !== "corpus"),
    );
    const analysis = analyzeLabel("Water, Inci Atlas Test Ester", dictionary);
    assert.deepEqual(analysis.flags.find((f) => f.id === "eu-prohibited")?.positions, [2]);
  });

  it("keeps links when the corpus is reloaded", async () => {
    await loadBundledCorpus(database, CONTENT_DIR);
    const dictionary = await loadDictionary(database);
    assert.ok(dictionary.exact("Inci Atlas Test Ester")?.ingredient.regulations.some((r) => r.ref === "999"));
  });
});
