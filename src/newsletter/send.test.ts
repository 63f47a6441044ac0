import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import type { Kysely } from "kysely";
import { describeEachDatabase, type TestDatabase } from "../../test/databases.js";
import {
  addSubscribers,
  createIssue,
  runCli,
  sendDeps,
  spawnCli,
  spawnSender,
} from "../../test/newsletter/fixtures.js";
import { type NewsletterSink, startNewsletterSink } from "../../test/newsletter/smtp-sink.js";
import type { Database } from "../db/database.js";
import type { DB } from "../db/schema.js";
import { sendIssue } from "./send-service.js";
import { resolveUncertain } from "./send-uncertain.js";

/**
 * THE CRASH TESTS. A sender runs in its own process (test/newsletter/sender.ts) against a
 * file-backed SQLite database or PostgreSQL and a real SMTP server in this process, and is killed
 * with SIGKILL (no chance to clean up) in the middle of a batch, while the SMTP server holds one
 * recipient's mail, or between two batches. Then the send is resumed, and the SMTP server's
 * received mail must show that nobody got the issue twice and that everyone not listed as
 * uncertain got it exactly once. Batches of 5, twelve confirmed subscribers (three batches), one
 * pending and one unsubscribed subscriber who must get nothing.
 */

const ofIssue = (issueId: number) => new RegExp(`-newsletter-${issueId}@inci-atlas>$`);

async function states(db: Kysely<DB>, issueId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("newsletter_recipients")
    .select(["email", "state"])
    .where("issue_id", "=", issueId)
    .execute();
  return new Map(rows.map((r) => [r.email ?? "", r.state]));
}

const countOf = (map: Map<string, string>, state: string) =>
  [...map.values()].filter((s) => s === state).length;

/** Nobody twice; everyone in `once` exactly once; nobody in `never`. */
function assertReceived(sink: NewsletterSink, issueId: number, once: string[], never: string[]) {
  const counts = sink.counts(ofIssue(issueId));
  for (const [to, n] of counts) assert.ok(n <= 1, `${to} got issue ${issueId} ${n} times`);
  for (const to of once) assert.equal(counts.get(to), 1, `${to} got issue ${issueId} exactly once`);
  for (const to of never) assert.equal(counts.get(to) ?? 0, 0, `${to} got nothing`);
}

describeEachDatabase("newsletter send: crash and resume, retries, one sender per issue", (make) => {
  let made: TestDatabase;
  let database: Database;
  let sink: NewsletterSink;
  let confirmed: string[];
  let others: string[];
  let issueId: number;
  const db = () => database.db;

  beforeEach(async () => {
    made = await make();
    database = await made.open();
    sink = await startNewsletterSink();
    confirmed = await addSubscribers(db(), "reader", 12);
    others = [
      ...(await addSubscribers(db(), "pending", 1, "pending")),
      ...(await addSubscribers(db(), "gone", 1, "unsubscribed")),
    ];
    issueId = await createIssue(db(), "The weekly test issue");
  });
  afterEach(async () => {
    await database.close();
    await made.drop();
    await sink.close();
  });

  /** Resume in this process, waiting for the dead sender's lease (1.5 s) to run out. */
  async function resume() {
    const deps = await sendDeps(db(), sink.url);
    try {
      return await sendIssue(deps, issueId, {
        actor: "test",
        batchSize: 5,
        ratePerSecond: 1000,
        waitMs: 20_000,
      });
    } finally {
      deps.close();
    }
  }

  it("killed mid-batch after the server took the mail: resumed from the command line, the one uncertain recipient is listed, then skipped", async () => {
    const held = confirmed[6] as string; // the 2nd of batch 2
    sink.hold.set(held, "after-data");
    const heldNow = sink.nextHeld();
    const sender = spawnSender(made.config, sink.url, issueId);
    assert.equal(await heldNow, held);
    sender.process.kill("SIGKILL");
    assert.equal((await sender.exited).signal, "SIGKILL");

    const atKill = await states(db(), issueId);
    assert.equal(atKill.get(held), "sending", "marked and committed before its SMTP call");
    assert.deepEqual(
      [countOf(atKill, "sending"), countOf(atKill, "sent"), countOf(atKill, "pending")],
      [1, 6, 5],
    );
    sink.hold.clear();

    const resumed = await runCli(made.config, sink.url, ["send", "--issue", String(issueId), "--wait", "20"]);
    assert.equal(resumed.code, 1, resumed.stderr);
    assert.match(resumed.stdout, new RegExp(`Uncertain recipients[\\s\\S]*${held}`));
    assert.match(resumed.stderr, /1 uncertain recipients await a decision/);
    assertReceived(sink, issueId, confirmed, others);

    const listed = await runCli(made.config, sink.url, ["uncertain", "--issue", String(issueId)]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(held));
    const skipped = await runCli(made.config, sink.url, [
      "resolve",
      "--issue",
      String(issueId),
      "--skip",
      held,
    ]);
    assert.equal(skipped.code, 0, skipped.stderr);
    const done = await runCli(made.config, sink.url, ["send", "--issue", String(issueId)]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(
      done.stdout,
      /is sent: 11 sent, 0 pending, 0 waiting to retry, 0 failed, 1 skipped, 0 uncertain/,
    );
    assertReceived(sink, issueId, confirmed, others);
    assert.equal(sink.received.length, 12);
  });

  it("killed mid-batch before the server had the mail: the uncertain recipient is never resent automatically; an admin's resend delivers it once", async () => {
    const held = confirmed[6] as string;
    sink.hold.set(held, "before-data");
    const heldNow = sink.nextHeld();
    const sender = spawnSender(made.config, sink.url, issueId);
    await heldNow;
    sender.process.kill("SIGKILL");
    await sender.exited;
    sink.hold.clear();

    const report = await resume();
    assert.deepEqual(
      report.uncertain.map((r) => r.email),
      [held],
    );
    assert.equal(report.status, "sent");
    assertReceived(
      sink,
      issueId,
      confirmed.filter((e) => e !== held),
      [...others, held],
    );

    await resolveUncertain(db(), {
      issueId,
      recipient: { email: held },
      action: "resend",
      actor: "admin@example.org",
    });
    const final = await resume();
    assert.deepEqual([final.counts.sent, final.counts.uncertain, final.status], [12, 0, "sent"]);
    assertReceived(sink, issueId, confirmed, others);
  });

  it("killed between batches: nothing uncertain, and the resume sends the rest exactly once", async () => {
    const sender = spawnSender(made.config, sink.url, issueId, ["--pause-after-batch", "1"]);
    await sender.line((line) => line.includes('"paused"'));
    sender.process.kill("SIGKILL");
    await sender.exited;
    const atKill = await states(db(), issueId);
    assert.deepEqual(
      [countOf(atKill, "sent"), countOf(atKill, "sending"), countOf(atKill, "pending")],
      [5, 0, 7],
    );
    const batches = await db()
      .selectFrom("newsletter_batches")
      .select(["number", "completed_at"])
      .where("issue_id", "=", issueId)
      .orderBy("number")
      .execute();
    assert.deepEqual(
      batches.map((b) => b.completed_at !== null),
      [true, false, false],
    );

    const report = await resume();
    assert.deepEqual([report.uncertain.length, report.counts.sent], [0, 12]);
    assertReceived(sink, issueId, confirmed, others);
  });

  it("retries a temporary 4xx refusal until it is accepted, and fails a permanent 5xx or an endless 4xx", async () => {
    const [busy, bad, stuck] = [confirmed[1], confirmed[3], confirmed[9]] as string[];
    sink.refuse.set(busy as string, [451, 2]);
    sink.refuse.set(bad as string, [550, 1]);
    sink.refuse.set(stuck as string, [451, 100]);
    const deps = await sendDeps(db(), sink.url);
    const report = await sendIssue(deps, issueId, {
      actor: "test",
      retryDelaysMs: [50, 50, 50],
      ratePerSecond: 1000,
    });
    deps.close();
    const rows = await db()
      .selectFrom("newsletter_recipients")
      .select(["email", "state", "attempts", "last_error"])
      .where("issue_id", "=", issueId)
      .execute();
    const row = (email: string) => rows.find((r) => r.email === email);
    assert.deepEqual([row(busy as string)?.state, row(busy as string)?.attempts], ["sent", 3]);
    assert.deepEqual([row(bad as string)?.state, row(bad as string)?.attempts], ["failed", 1]);
    assert.match(String(row(bad as string)?.last_error), /550/);
    assert.deepEqual([row(stuck as string)?.state, row(stuck as string)?.attempts], ["failed", 4]);
    assert.deepEqual([report.counts.sent, report.counts.failed, report.status], [10, 2, "sent"]);
    assertReceived(
      sink,
      issueId,
      confirmed.filter((e) => e !== bad && e !== stuck),
      [...others, bad as string, stuck as string],
    );
  });

  it("two sender processes on one issue: exactly one sends; the other exits cleanly, or waits and finds nothing left", async () => {
    let release = () => {};
    sink.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const args = ["send", "--issue", String(issueId)];
    const a = spawnCli(made.config, sink.url, args);
    const b = spawnCli(made.config, sink.url, args);
    const first = await Promise.race([a.exited.then(() => a), b.exited.then(() => b)]);
    const second = first === a ? b : a;
    assert.equal((await first.exited).code, 1, first.stderr);
    assert.match(first.stderr, /being sent by another sender .*Nothing was done/);
    release();
    assert.equal((await second.exited).code, 0, second.stderr);
    assertReceived(sink, issueId, confirmed, others);

    // The second issue: a sender told to wait takes over once the first is done, and sends nothing again.
    const next = await createIssue(db(), "The next issue");
    sink.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated = new Promise((resolve) => sink.once("gated", resolve));
    const c = spawnCli(made.config, sink.url, ["send", "--issue", String(next)]);
    await gated;
    const d = spawnCli(made.config, sink.url, ["send", "--issue", String(next), "--wait", "60"]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(d.process.exitCode, null, "the waiting sender is still waiting");
    release();
    assert.equal((await c.exited).code, 0, c.stderr);
    assert.equal((await d.exited).code, 0, d.stderr);
    assert.match(d.stdout, /is sent: 12 sent, 0 pending/);
    assert.doesNotMatch(d.stdout, /batch \d+\/\d+ done/, "the waiting sender had nothing left to send");
    assertReceived(sink, next, confirmed, others);
  });
});
