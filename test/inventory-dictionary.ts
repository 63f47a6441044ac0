import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Dictionary } from "../src/analyzer/dictionary.js";
import { makeIngredient } from "../src/analyzer/rules/factories.js";
import { parseCosingInventory } from "../src/importers/cosing-parse.js";
import { PROJECT_DIR } from "../src/paths.js";

/** The CosIng inventory from ../shared/data as an in-memory dictionary (no database), built once. */
export const INVENTORY_FILE = resolve(
  PROJECT_DIR,
  "..",
  "shared",
  "data",
  "cosing-inventory-derived-2020",
  "cosing.csv",
);

let cached: { names: string[]; dictionary: Dictionary } | null = null;

export function inventoryDictionary(): { names: string[]; dictionary: Dictionary } {
  if (cached) return cached;
  const rows = parseCosingInventory(readFileSync(INVENTORY_FILE, "utf8")).rows;
  const dictionary = new Dictionary(
    rows.map((r) => makeIngredient({ inci: r.inci, functions: r.functions, cas: r.cas })),
  );
  cached = { names: rows.map((r) => r.inci), dictionary };
  return cached;
}
