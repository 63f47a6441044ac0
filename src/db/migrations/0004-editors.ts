import { type Kysely, sql } from "kysely";

/**
 * Editor accounts, their one-time set-password links, their sessions, the sign-in throttle and the
 * audit log. Immutable once merged. Secrets are never stored: a link or session token is kept as
 * its SHA-256 (hex), a password as its argon2id hash. Timestamps are ISO strings (UTC, fixed
 * width, so they compare as text on both databases).
 */
export async function up(db: Kysely<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  const id = (col: string) =>
    dialect === "postgres"
      ? sql`${sql.ref(col)} serial primary key`
      : sql`${sql.ref(col)} integer primary key autoincrement`;

  await sql`create table editors (
    ${id("id")},
    email text not null unique,
    role text not null check (role in ('admin', 'editor')),
    password_hash text,
    created_at text not null,
    disabled_at text
  )`.execute(db);

  await sql`create table editor_tokens (
    ${id("id")},
    editor_id integer not null references editors(id) on delete cascade,
    token_hash text not null unique,
    purpose text not null,
    created_at text not null,
    expires_at text not null,
    used_at text
  )`.execute(db);

  await sql`create table editor_sessions (
    id text primary key,
    editor_id integer not null references editors(id) on delete cascade,
    created_at text not null,
    expires_at text not null,
    last_seen_at text not null,
    revoked_at text,
    user_agent text,
    ip text
  )`.execute(db);
  await sql`create index editor_sessions_editor on editor_sessions (editor_id)`.execute(db);

  // Keyed by a hash of the e-mail typed, whether or not an account has it: an unknown address is
  // slowed exactly like a real one, so the lock does not reveal which addresses have accounts.
  await sql`create table sign_in_throttle (
    key text primary key,
    failures integer not null,
    locked_until text,
    last_failure_at text not null
  )`.execute(db);
  await sql`create index sign_in_throttle_age on sign_in_throttle (last_failure_at)`.execute(db);

  await sql`create table audit_log (
    ${id("id")},
    actor text not null,
    action text not null,
    target text,
    detail text not null default '{}',
    created_at text not null
  )`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor, id)`.execute(db);
  await sql`create index audit_log_action on audit_log (action, id)`.execute(db);
}
