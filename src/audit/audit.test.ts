import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { describeEachDatabase } from "../../test/databases.js";
import type { Database } from "../db/database.js";
import { listAudit, listAuditActions, recordAudit } from "./audit.js";

describeEachDatabase("audit log", (make) => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    const made = await make();
    database = await made.open();
    drop = made.drop;
    for (let i = 0; i < 7; i++) {
      const actor = i % 2 === 0 ? "ana@example.org" : "cli";
      const at = new Date(Date.UTC(2026, 0, 1, 0, i));
      await recordAudit(
        database.db,
        { actor, action: i < 3 ? "editor.created" : "article.published", target: `t${i}`, detail: { i } },
        at,
      );
    }
  });
  after(async () => {
    await database.close();
    await drop();
  });

  it("lists newest first, with totals, pages and parsed detail", async () => {
    const first = await listAudit(database.db, { perPage: 3 });
    assert.equal(first.total, 7);
    assert.deepEqual(
      first.records.map((r) => r.target),
      ["t6", "t5", "t4"],
    );
    assert.deepEqual(first.records[0]?.detail, { i: 6 });
    assert.equal(first.records[0]?.createdAt, "2026-01-01T00:06:00.000Z");
    const last = await listAudit(database.db, { perPage: 3, page: 3 });
    assert.deepEqual(
      last.records.map((r) => r.target),
      ["t0"],
    );
  });

  it("filters by actor and by action", async () => {
    const ana = await listAudit(database.db, { actor: "ana@example.org" });
    assert.deepEqual(
      ana.records.map((r) => r.target),
      ["t6", "t4", "t2", "t0"],
    );
    const both = await listAudit(database.db, { actor: "cli", action: "editor.created" });
    assert.equal(both.total, 1);
    assert.equal(both.records[0]?.target, "t1");
    assert.deepEqual(await listAuditActions(database.db), ["article.published", "editor.created"]);
  });

  it("bounds what one entry can hold", async () => {
    await recordAudit(database.db, {
      actor: "x".repeat(1000),
      action: "big",
      detail: { text: "y".repeat(10_000) },
    });
    const [big] = (await listAudit(database.db, { action: "big" })).records;
    assert.equal(big?.actor.length, 254);
    assert.equal(big?.target, null);
    assert.ok(JSON.stringify(big?.detail).length < 4100);
  });
});
