import { type Kysely, sql } from "kysely";

/**
 * The website: published revisions of articles, reader feedback, newsletter subscribers, the mail
 * outbox, the change log that keeps every app instance's search index current, and shared
 * settings (the signing key). Immutable once merged. Booleans are integers 0/1 on both databases.
 */
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  const id = (col: string) =>
    dialect === "postgres"
      ? sql`${sql.ref(col)} serial primary key`
      : sql`${sql.ref(col)} integer primary key autoincrement`;

  await sql`create table revisions (
    ${id("id")},
    ingredient_id integer not null references ingredients(id) on delete cascade,
    number integer not null,
    facts text not null,
    sections text,
    author text not null,
    note text not null,
    is_correction integer not null default 0,
    created_at text not null,
    unique (ingredient_id, number)
  )`.execute(db);

  await sql`create table feedback (
    ${id("id")},
    ingredient_id integer not null references ingredients(id) on delete cascade,
    revision_id integer references revisions(id) on delete set null,
    helpful integer not null,
    comment text,
    created_at text not null,
    handled_at text,
    handled_by text,
    handled_note text,
    correction_revision_id integer references revisions(id) on delete set null
  )`.execute(db);
  await sql`create index feedback_ingredient on feedback (ingredient_id, created_at)`.execute(db);

  await sql`create table subscribers (
    ${id("id")},
    email text not null unique,
    status text not null,
    created_at text not null,
    confirmed_at text,
    unsubscribed_at text
  )`.execute(db);

  await sql`create table outbox (
    ${id("id")},
    kind text not null,
    recipient text not null,
    subject text not null,
    text_body text not null,
    html_body text,
    headers text not null default '{}',
    status text not null,
    attempts integer not null default 0,
    next_attempt_at text not null,
    locked_until text,
    last_error text,
    created_at text not null,
    sent_at text
  )`.execute(db);
  await sql`create index outbox_due on outbox (status, next_attempt_at)`.execute(db);

  await sql`create table content_changes (
    ${id("id")},
    ingredient_id integer not null,
    changed_at text not null
  )`.execute(db);

  await sql`create table slug_redirects (
    old_slug text primary key,
    ingredient_id integer not null references ingredients(id) on delete cascade
  )`.execute(db);

  await sql`create table settings (
    key text primary key,
    value text not null
  )`.execute(db);
}
