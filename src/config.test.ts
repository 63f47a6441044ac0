import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { describe, it } from "node:test";
import { DEFAULT_DATABASE_PATH, loadConfig, parseDatabaseUrl } from "./config.js";
import { AppError } from "./errors.js";

describe("parseDatabaseUrl", () => {
  it("defaults to the project's SQLite file", () => {
    assert.deepEqual(parseDatabaseUrl(undefined), { dialect: "sqlite", path: DEFAULT_DATABASE_PATH });
    assert.ok(DEFAULT_DATABASE_PATH.endsWith("data/inci-atlas.db"));
  });
  it("resolves a relative SQLite path against the current directory", () => {
    assert.deepEqual(parseDatabaseUrl("sqlite:x/atlas.db", "/srv"), {
      dialect: "sqlite",
      path: "/srv/x/atlas.db",
    });
    assert.deepEqual(parseDatabaseUrl("sqlite:/abs/atlas.db", "/srv"), {
      dialect: "sqlite",
      path: "/abs/atlas.db",
    });
    assert.deepEqual(parseDatabaseUrl("sqlite::memory:"), { dialect: "sqlite", path: ":memory:" });
  });
  it("accepts both PostgreSQL schemes", () => {
    for (const url of ["postgres://u@h/db", "postgresql://u@h:5432/db"]) {
      assert.deepEqual(parseDatabaseUrl(url), { dialect: "postgres", url });
    }
  });
  it("refuses anything else with a stable code", () => {
    assert.throws(
      () => parseDatabaseUrl("mysql://x"),
      (e: unknown) => e instanceof AppError && e.code === "invalid_config",
    );
  });
});

describe("loadConfig", () => {
  it("lists every bad setting at once", () => {
    assert.throws(
      () => loadConfig({ PORT: "eighty", LOG_LEVEL: "loud" }),
      (e: unknown) => e instanceof AppError && /PORT/.test(e.message) && /LOG_LEVEL/.test(e.message),
    );
  });
  it("reads defaults", () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.database.dialect, "sqlite");
    assert.equal(config.webConcurrency, 1);
  });
  it("takes WEB_CONCURRENCY as a number of processes or auto (one per core)", () => {
    assert.equal(loadConfig({ WEB_CONCURRENCY: "3" }).webConcurrency, 3);
    assert.equal(loadConfig({ WEB_CONCURRENCY: "auto" }).webConcurrency, availableParallelism());
    for (const bad of ["0", "two", "1.5", "65"]) {
      assert.throws(
        () => loadConfig({ WEB_CONCURRENCY: bad }),
        (e: unknown) => e instanceof AppError && /WEB_CONCURRENCY/.test(e.message),
        bad,
      );
    }
  });
});
