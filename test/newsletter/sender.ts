/**
 * A newsletter sender in its own process, for the crash tests: the same `sendIssue` as the admin
 * page and the command line, with test settings (small batches, a short lease, no pacing), each
 * progress event printed as one JSON line on stdout. With --pause-after-batch N it stops after
 * batch N is recorded as completed and prints {"type":"paused"}: the test kills it there
 * ("between batches"). Usage:
 *   node --import tsx test/newsletter/sender.ts --database-url URL --smtp-url URL --secret S
 *     --issue N [--batch-size 5] [--lease-ms 1500] [--pause-after-batch N]
 */
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../src/config.js";
import { openMigratedDatabase } from "../../src/db/database.js";
import { SmtpTransport } from "../../src/mail/transports.js";
import { sendIssue } from "../../src/newsletter/send-service.js";
import { loadSigningKey, Signer } from "../../src/security/signing.js";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    "smtp-url": { type: "string" },
    secret: { type: "string" },
    issue: { type: "string" },
    "batch-size": { type: "string", default: "5" },
    "lease-ms": { type: "string", default: "1500" },
    "pause-after-batch": { type: "string" },
  },
});

const print = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
const pauseAfter = values["pause-after-batch"] ? Number(values["pause-after-batch"]) : null;

const database = await openMigratedDatabase(parseDatabaseUrl(values["database-url"]));
const transport = new SmtpTransport(values["smtp-url"] as string);
const signer = new Signer(await loadSigningKey(database.db, values.secret ?? null));
const report = await sendIssue(
  {
    db: database.db,
    transport,
    signer,
    publicUrl: "https://atlas.example",
    mailFrom: "INCI Atlas <news@atlas.example>",
  },
  Number(values.issue),
  {
    actor: "test-sender",
    batchSize: Number(values["batch-size"]),
    leaseMs: Number(values["lease-ms"]),
    ratePerSecond: 1000,
    retryDelaysMs: [50, 50, 50],
    onProgress: async (event) => {
      print(event);
      if (event.type === "batch-completed" && event.batch === pauseAfter) {
        print({ type: "paused" });
        // Keep the process alive (an unsettled promise alone would let Node exit) until killed.
        setInterval(() => undefined, 1000);
        await new Promise(() => undefined);
      }
    },
  },
);
print({ type: "report", counts: report.counts });
transport.close();
await database.close();
