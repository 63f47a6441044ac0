import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { PROJECT_DIR } from "../../src/paths.js";

/**
 * Readers for the third-party real-list sets in ../shared/data (never copied into the project).
 * Used by the accuracy report, the benchmark and the corpus report.
 */
export const SHARED_DATA = resolve(PROJECT_DIR, "..", "shared", "data");

export interface RealList {
  set: "sephora-1472" | "sephora-2020" | "lookfantastic";
  id: string;
  text: string;
}

export function sharedFile(...parts: string[]): string {
  const path = resolve(SHARED_DATA, ...parts);
  if (!existsSync(path))
    throw new Error(`Missing shared data file ${path}: is ../shared beside the checkout?`);
  return path;
}

export function readSephora1472(): RealList[] {
  const rows = parse(readFileSync(sharedFile("sephora-cosmetics-1472", "cosmetics.csv"), "utf8"), {
    columns: true,
    bom: true,
  }) as Array<Record<string, string>>;
  return rows.map((r, i) => ({ set: "sephora-1472", id: `${i + 1}`, text: r.Ingredients ?? "" }));
}

export function readSephora2020(): RealList[] {
  const lines = readFileSync(
    sharedFile("sephora-skincare-scrape-2020", "sephora_skincare_product.jsonl"),
    "utf8",
  )
    .split("\n")
    .filter((l) => l.trim() !== "");
  return lines.map((line, i) => {
    const o = JSON.parse(line) as { product_id?: string; ingredients?: string };
    return { set: "sephora-2020", id: `${i + 1}:${o.product_id ?? ""}`, text: o.ingredients ?? "" };
  });
}

/** LookFantastic lists are Python list literals of lower-case names: one name per line. */
export function readLookFantastic(): RealList[] {
  const rows = parse(
    readFileSync(sharedFile("lookfantastic-skincare-ingredients", "skincare_products_clean.csv"), "utf8"),
    {
      columns: true,
    },
  ) as Array<Record<string, string>>;
  return rows.map((r, i) => {
    const names = [...(r.clean_ingreds ?? "").matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map(
      (m) => m[1] ?? m[2] ?? "",
    );
    return { set: "lookfantastic", id: `${i + 1}`, text: names.join("\n") };
  });
}

export function readSephoraLists(): RealList[] {
  return [...readSephora1472(), ...readSephora2020()];
}
