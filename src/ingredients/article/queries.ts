import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";

/** The SQL of the ingredient pages beyond the dictionary and the revisions. */

/** The ingredient an old slug (one renamed by an editor) now belongs to, or null. */
export async function findSlugRedirect(db: Kysely<DB>, oldSlug: string): Promise<number | null> {
  const row = await db
    .selectFrom("slug_redirects")
    .select("ingredient_id")
    .where("old_slug", "=", oldSlug)
    .executeTakeFirst();
  return row?.ingredient_id ?? null;
}

/** CosIng's chemical name or description of an ingredient, when an import stored one. */
export async function findCosingDescription(db: Kysely<DB>, ingredientId: number): Promise<string | null> {
  const row = await db
    .selectFrom("ingredients")
    .select("description")
    .where("id", "=", ingredientId)
    .executeTakeFirst();
  return row?.description ?? null;
}
