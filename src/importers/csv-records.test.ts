import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { PROJECT_DIR } from "../paths.js";
import { findHeader, readCsvRecords } from "./csv-records.js";

const SHARED_DATA = resolve(PROJECT_DIR, "..", "shared", "data");

const lines = (text: string) => readCsvRecords(text).records.map((r) => [r.line, ...r.cells]);

describe("readCsvRecords", () => {
  test("gives each record the line it starts on, across multi-line quoted cells", () => {
    const text = 'h1,h2\n1,"a\nb\nc"\n2,x\n3,"d\r\ne"\n4,y';
    assert.deepEqual(lines(text), [
      [1, "h1", "h2"],
      [2, "1", "a\nb\nc"],
      [5, "2", "x"],
      [6, "3", "d\r\ne"],
      [8, "4", "y"],
    ]);
  });

  test("reads CRLF files, with LF-only breaks inside cells (the 2026 annex exports)", () => {
    assert.deepEqual(lines('a,b\r\n1,"x\ny"\r\n2,z\r\n'), [
      [1, "a", "b"],
      [2, "1", "x\ny"],
      [4, "2", "z"],
    ]);
  });

  test("strips a byte-order mark and reads a last line without a line break", () => {
    assert.deepEqual(lines("\uFEFFa,b\n1,2"), [
      [1, "a", "b"],
      [2, "1", "2"],
    ]);
  });

  test("skips blank lines but counts them", () => {
    assert.deepEqual(lines("a\n\n\nb\r\n\r\nc"), [
      [1, "a"],
      [4, "b"],
      [6, "c"],
    ]);
  });

  test("keeps doubled quotes, empty cells, a trailing comma and stray quotes", () => {
    assert.deepEqual(lines('"say ""hi""",,x,\n1,a"b,"c"d'), [
      [1, 'say "hi"', "", "x", ""],
      [2, "1", 'a"b', "cd"],
    ]);
  });

  test("reports a quote never closed on its line and resumes on the next line", () => {
    const { records, problems } = readCsvRecords('a,b\n1,"open\n2,ok\n3,fine');
    assert.deepEqual(
      problems.map((p) => p.line),
      [2],
    );
    assert.match(problems[0]?.message ?? "", /never closed/);
    assert.deepEqual(
      records.map((r) => r.line),
      [1, 3, 4],
    );
  });

  test("agrees with csv-parse on generated CSV", () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z ,"\n]{0,8}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
      fc.stringMatching(/^[a-z ]{0,6}$/),
    );
    const row = fc.array(cell, { minLength: 2, maxLength: 4 }).map((cells) => cells.join(","));
    const csv = fc.tuple(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom("\n", "\r\n"));
    fc.assert(
      fc.property(csv, ([rows, eol]) => {
        const text = rows.join(eol);
        const expected = (parse(text, { relax_column_count: true }) as string[][]).filter(
          (r) => !(r.length === 1 && r[0]?.trim() === ""),
        );
        assert.deepEqual(
          readCsvRecords(text).records.map((r) => r.cells),
          expected,
        );
      }),
    );
  });
});

describe("findHeader", () => {
  test("finds the header past a preamble, ignoring case and spaces", () => {
    const { records } = readCsvRecords(
      '"File creation date: 24/12/2025"\n"ANNEX II",x\n Reference  Number ,CAS\n1,2',
    );
    const header = findHeader(records, ["reference number", "cas"]);
    assert.equal(header?.index, 2);
    assert.equal(header?.column.get("cas"), 1);
  });

  test("returns null when no record within the preamble allowance holds the headers", () => {
    const { records } = readCsvRecords("a,b\n1,2");
    assert.equal(findHeader(records, ["inci_name"]), null);
  });
});

const REAL_FILES = [
  "cosing-inventory-derived-2020/cosing.csv",
  "cosing-inventory-official-sample/COSING_Ingredients-Fragrance_Inventory_v2.first22rows.csv",
  "cosing-annexes-2025/COSING_Annex_II_v2.txt",
  "cosing-annexes-2025/COSING_Annex_III_v2.txt",
  "cosing-annexes-iv-v-vi-2026/annex_IV.csv",
  "cosing-annexes-iv-v-vi-2026/annex_V.csv",
  "cosing-annexes-iv-v-vi-2026/annex_VI.csv",
];

describe("readCsvRecords on the CosIng files", () => {
  for (const file of REAL_FILES) {
    const path = join(SHARED_DATA, file);
    const skip = existsSync(path) ? false : `data file absent: ${path}`;
    test(`reads ${file} exactly as csv-parse does`, { skip }, () => {
      const text = readFileSync(path, "utf8");
      const { records, problems } = readCsvRecords(text);
      const expected = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][];
      assert.deepEqual(problems, []);
      assert.equal(records.length, expected.length);
      assert.deepEqual(
        records.map((r) => r.cells),
        expected,
      );
    });
  }
});
