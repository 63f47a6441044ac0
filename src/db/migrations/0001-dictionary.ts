import { type Kysely, sql } from "kysely";

/**
 * The ingredient dictionary. Immutable once merged: change the schema in a new migration.
 * Migrations import no application code; the only dialect difference is the identity column.
 */
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  const isPostgres = dialect === "postgres";
  const id = (col: string) =>
    isPostgres
      ? sql`${sql.ref(col)} serial primary key`
      : sql`${sql.ref(col)} integer primary key autoincrement`;

  await sql`create table ingredients (
    ${id("id")},
    slug text not null unique,
    inci text not null unique,
    name text not null,
    cas text not null default '[]',
    ec text not null default '[]',
    functions text not null default '[]',
    facts text not null default '{}',
    sections text,
    description text,
    inventory text,
    source text not null,
    field_sources text not null default '{}',
    content_hash text,
    updated_at text not null
  )`.execute(db);

  await db.schema
    .createTable("ingredient_names")
    .addColumn("ingredient_id", "integer", (c) =>
      c.notNull().references("ingredients.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ingredient_names_pk", ["ingredient_id", "key"])
    .execute();
  await db.schema.createIndex("ingredient_names_key").on("ingredient_names").column("key").execute();

  await sql`create table regulations (
    ${id("id")},
    annex text not null,
    ref text not null,
    substance text not null,
    cas text not null default '[]',
    ec text not null default '[]',
    identified text not null default '[]',
    product_type text,
    max_concentration text,
    max_percent real,
    conditions text,
    warnings text,
    regulation text,
    source text not null,
    updated_at text not null,
    unique (annex, ref, substance)
  )`.execute(db);

  await db.schema
    .createTable("ingredient_regulations")
    .addColumn("ingredient_id", "integer", (c) =>
      c.notNull().references("ingredients.id").onDelete("cascade"),
    )
    .addColumn("regulation_id", "integer", (c) =>
      c.notNull().references("regulations.id").onDelete("cascade"),
    )
    .addColumn("matched_by", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ingredient_regulations_pk", ["ingredient_id", "regulation_id"])
    .execute();
}
