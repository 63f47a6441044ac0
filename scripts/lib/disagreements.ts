import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.js";

export interface Disagreement {
  slug: string;
  fields: string[];
  corpus: { cas: string[]; functions: string[] };
  cosing: { cas: string[]; functions: string[] };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Corpus entries whose CAS numbers or CosIng functions differ from the imported inventory record
 * kept beside them. The derivative export keeps only the first CAS number, so an authored list
 * that contains it counts as agreeing.
 */
export async function findDisagreements(db: Kysely<DB>): Promise<Disagreement[]> {
  const rows = await db
    .selectFrom("ingredients")
    .select(["slug", "cas", "functions", "inventory"])
    .where("source", "=", "corpus")
    .where("inventory", "is not", null)
    .orderBy("slug")
    .execute();
  const out: Disagreement[] = [];
  for (const row of rows) {
    const corpus = { cas: JSON.parse(row.cas) as string[], functions: JSON.parse(row.functions) as string[] };
    const inventory = JSON.parse(row.inventory as string) as { cas: string[]; functions: string[] };
    const fields: string[] = [];
    if (inventory.cas.length > 0 && !inventory.cas.every((c) => corpus.cas.includes(c))) fields.push("cas");
    if (!sameSet(corpus.functions, inventory.functions)) fields.push("functions");
    if (fields.length > 0)
      out.push({
        slug: row.slug,
        fields,
        corpus,
        cosing: { cas: inventory.cas, functions: inventory.functions },
      });
  }
  return out;
}
