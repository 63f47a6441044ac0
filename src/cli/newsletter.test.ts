import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { describeEachDatabase } from "../../test/databases.js";
import { addSubscribers, createIssue, runCli } from "../../test/newsletter/fixtures.js";
import { startNewsletterSink } from "../../test/newsletter/smtp-sink.js";
import type { Database } from "../db/database.js";
import { newsletterResolve, newsletterUncertain, progressLine } from "./newsletter.js";

/**
 * `inci-atlas newsletter`: the functions behind uncertain and resolve on both databases, and the
 * command's exit codes. The send itself, its resume after a crash, and two senders at once are in
 * src/newsletter/send.test.ts, through this same command line.
 */
describeEachDatabase("inci-atlas newsletter (functions)", (make) => {
  let database: Database;
  let drop: () => Promise<void>;
  let issueId: number;
  before(async () => {
    const made = await make();
    database = await made.open();
    drop = made.drop;
    await addSubscribers(database.db, "cli", 2);
    issueId = await createIssue(database.db, "CLI issue");
  });
  after(async () => {
    await database.close();
    await drop();
  });

  it("lists no uncertain recipients for an issue without any, and refuses a decision on someone not uncertain", async () => {
    assert.equal(
      await newsletterUncertain(database, issueId),
      `Issue ${issueId} has no uncertain recipients.\n`,
    );
    await assert.rejects(newsletterUncertain(database, 999), { code: "not_found" });
    await assert.rejects(newsletterResolve(database, issueId, { skip: "cli-1@example.org" }), {
      code: "not_found",
    });
    await assert.rejects(newsletterResolve(database, issueId, {}), { code: "bad_input" });
    await assert.rejects(newsletterResolve(database, issueId, { skip: "not an address" }), {
      code: "invalid_email",
    });
  });

  it("prints one line per batch and per mail that was not sent, nothing per sent mail", () => {
    const counts = { pending: 3, sending: 0, sent: 5, retry: 1, failed: 0, uncertain: 0, skipped: 0 };
    assert.equal(
      progressLine({ type: "batch-completed", batch: 1, batches: 2, counts }),
      "batch 1/2 done: 5 sent, 3 pending, 1 waiting to retry, 0 failed, 0 skipped, 0 uncertain",
    );
    assert.equal(progressLine({ type: "recipient", recipientId: 1, email: "a@x.org", state: "sent" }), null);
    assert.equal(
      progressLine({
        type: "recipient",
        recipientId: 2,
        email: "b@x.org",
        state: "retry",
        error: "451 busy",
      }),
      "  b@x.org: retry (451 busy)",
    );
  });
});

describe("inci-atlas newsletter (the command)", () => {
  const dir = mkdtempSync(join(tmpdir(), "inci-atlas-newsletter-cli-"));
  const config = { dialect: "sqlite" as const, path: join(dir, "cli.db") };
  let sink: Awaited<ReturnType<typeof startNewsletterSink>>;
  before(async () => {
    sink = await startNewsletterSink();
  });
  after(async () => {
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("exits 1 with a message on bad input or an unknown issue", async () => {
    const bad = await runCli(config, sink.url, ["send", "--issue", "0"]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--issue takes an issue number/);
    const unknown = await runCli(config, sink.url, ["send", "--issue", "42"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /There is no issue 42/);
    const both = await runCli(config, sink.url, [
      "resolve",
      "--issue",
      "1",
      "--skip",
      "a@x.org",
      "--resend",
      "a@x.org",
    ]);
    assert.equal(both.code, 1);
    assert.match(both.stderr, /exactly one of --resend EMAIL or --skip EMAIL/);
    assert.equal(sink.received.length, 0);
  });
});
