import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { describeEachDatabase } from "../../test/databases.js";
import type { Database } from "../db/database.js";
import { AppError } from "../errors.js";
import { loadSigningKey, Signer } from "./signing.js";

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${error}`;
  }
  return "no error";
};

describe("signed tokens", () => {
  const signer = new Signer(randomBytes(32));
  const now = Date.UTC(2026, 10, 26, 12);

  it("verifies its own token and returns the subject and dates", () => {
    const token = signer.sign("newsletter-confirm", "7:ana@example.org", 3600, now);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const verified = signer.verify("newsletter-confirm", token, now + 1000);
    assert.equal(verified.subject, "7:ana@example.org");
    assert.equal(verified.expiresAt.getTime() - verified.issuedAt.getTime(), 3600_000);
  });

  it("expires", () => {
    const token = signer.sign("newsletter-confirm", "1:a@b.co", 60, now);
    assert.equal(
      code(() => signer.verify("newsletter-confirm", token, now + 59_000)),
      "no error",
    );
    assert.equal(
      code(() => signer.verify("newsletter-confirm", token, now + 60_000)),
      "link_expired",
    );
  });

  it("refuses a token of another purpose: a confirm link cannot unsubscribe", () => {
    const confirm = signer.sign("newsletter-confirm", "1:a@b.co", 60, now);
    assert.equal(
      code(() => signer.verify("newsletter-unsubscribe", confirm, now)),
      "link_invalid",
    );
    const unsubscribe = signer.sign("newsletter-unsubscribe", "1:a@b.co", 60, now);
    assert.equal(
      code(() => signer.verify("newsletter-confirm", unsubscribe, now)),
      "link_invalid",
    );
  });

  it("refuses a tampered payload, signature or key, even when the tampering extends the expiry", () => {
    const token = signer.sign("newsletter-confirm", "1:a@b.co", 60, now);
    const [payload, mac] = token.split(".") as [string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const longer = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 10_000 })).toString("base64url");
    assert.equal(
      code(() => signer.verify("newsletter-confirm", `${longer}.${mac}`, now)),
      "link_invalid",
    );
    const other = Buffer.from(JSON.stringify({ ...claims, s: "2:a@b.co" })).toString("base64url");
    assert.equal(
      code(() => signer.verify("newsletter-confirm", `${other}.${mac}`, now)),
      "link_invalid",
    );
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    assert.equal(
      code(() => signer.verify("newsletter-confirm", `${payload}.${flipped}`, now)),
      "link_invalid",
    );
    const stranger = new Signer(randomBytes(32));
    assert.equal(
      code(() => stranger.verify("newsletter-confirm", token, now)),
      "link_invalid",
    );
  });

  it("refuses malformed tokens without throwing anything else", () => {
    for (const bad of ["", ".", "abc", "a.b.c", `${"x".repeat(2000)}.y`, "e30.e30", "%%%.***"]) {
      assert.equal(
        code(() => signer.verify("newsletter-confirm", bad, now)),
        "link_invalid",
        bad,
      );
    }
  });

  it("derives independent secrets per label", () => {
    assert.notEqual(signer.derive("a"), signer.derive("b"));
    assert.equal(signer.derive("a"), signer.derive("a"));
    assert.match(signer.derive("a"), /^[0-9a-f]{64}$/);
  });
});

describeEachDatabase("signing key", (make) => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    const test = await make();
    database = await test.open();
    drop = test.drop;
  });
  after(async () => {
    await database.close();
    await drop();
  });

  it("is generated once and shared by instances booting at the same time", async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadSigningKey(database.db, null)));
    assert.equal(keys[0]?.length, 32);
    for (const key of keys) assert.ok(key.equals(keys[0] as Buffer));
    assert.ok((await loadSigningKey(database.db, null)).equals(keys[0] as Buffer));
    const rows = await database.db
      .selectFrom("settings")
      .selectAll()
      .where("key", "=", "signing_key")
      .execute();
    assert.equal(rows.length, 1);
  });

  it("comes from SECRET_KEY when set, and then differs from the stored one", async () => {
    const configured = await loadSigningKey(database.db, "s".repeat(40));
    assert.equal(configured.length, 32);
    assert.ok(!configured.equals(await loadSigningKey(database.db, null)));
    assert.ok(configured.equals(await loadSigningKey(database.db, "s".repeat(40))));
  });
});
