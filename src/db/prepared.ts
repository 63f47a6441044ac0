import type SQLite from "better-sqlite3";
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import { sqliteHandleOf } from "./database.js";
import type { DB } from "./schema.js";

type Arg = string | number;

interface Compiled<Row> {
  query: CompiledQuery<Row>;
  /** For each compiled parameter, the index of the argument that fills it, or -1 (a constant). */
  slots: number[];
  /** On SQLite, the prepared statement, run synchronously without Kysely's executor. */
  statement?: SQLite.Statement;
}

/**
 * A read query built and compiled once per database, then run with new argument values, for the
 * reads of every public page. Kysely builds and compiles each query afresh and runs it through an
 * asynchronous executor: on SQLite that cost twice the query itself (21 µs against 7 µs for an
 * article's latest revision, measured). `build` receives placeholders in place of the arguments;
 * any other parameter (a LIMIT) keeps its compiled value. Only for queries whose shape never
 * depends on the argument values.
 */
export function preparedQuery<Args extends Arg[], Row>(
  arity: Args["length"],
  build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const byDatabase = new WeakMap<Kysely<DB>, Compiled<Row>>();
  const compile = (db: Kysely<DB>): Compiled<Row> => {
    const markers = Array.from({ length: arity }, (_, i) => `\u0000argument ${i}\u0000`);
    const query = build(db, ...(markers as Args)).compile();
    const slots = query.parameters.map((p) => markers.indexOf(p as string));
    if (new Set(slots.filter((s) => s >= 0)).size !== arity)
      throw new Error(`preparedQuery: every argument must appear once in ${query.sql}`);
    return { query, slots, statement: sqliteHandleOf(db)?.prepare(query.sql) };
  };
  return async (db, ...args) => {
    let compiled = byDatabase.get(db);
    if (!compiled) {
      compiled = compile(db);
      byDatabase.set(db, compiled);
    }
    const { query, slots, statement } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i] as number;
      return slot >= 0 ? args[slot] : p;
    });
    if (statement) return statement.all(parameters) as Row[];
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
