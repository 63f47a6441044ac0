import { type Kysely, sql } from "kysely";

/**
 * The editing workspace: editors' drafts (one per ingredient per editor), the conflicts a corpus
 * reload found with editors' published changes (pending until an editor resolves them, so they
 * survive restarts), and the per-field hashes of the last corpus version loaded (to tell whether
 * an upgrade changed a field, not just whether it differs from an editor's text). Immutable once
 * merged.
 */
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  const id = (col: string) =>
    dialect === "postgres"
      ? sql`${sql.ref(col)} serial primary key`
      : sql`${sql.ref(col)} integer primary key autoincrement`;

  await sql`create table article_drafts (
    ${id("id")},
    ingredient_id integer not null references ingredients(id) on delete cascade,
    editor_id integer not null references editors(id) on delete cascade,
    base_revision integer not null,
    content text not null,
    created_at text not null,
    updated_at text not null,
    unique (ingredient_id, editor_id)
  )`.execute(db);

  await sql`create table corpus_conflicts (
    ${id("id")},
    ingredient_id integer not null references ingredients(id) on delete cascade,
    field text not null,
    corpus_value text not null,
    detected_at text not null,
    resolved_at text,
    resolved_by text,
    resolution text
  )`.execute(db);
  await sql`create index corpus_conflicts_pending on corpus_conflicts (resolved_at, ingredient_id)`.execute(
    db,
  );

  await sql`create table corpus_baselines (
    ingredient_id integer primary key references ingredients(id) on delete cascade,
    hashes text not null
  )`.execute(db);

  // The public corrections log reads corrections newest first.
  await sql`create index revisions_corrections on revisions (is_correction, created_at)`.execute(db);
}
