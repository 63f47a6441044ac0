/**
 * A real SMTP server for the newsletter's send tests (smtp-server + mailparser, no TLS), which keeps
 * every message it accepts, and can be told, per recipient, to refuse with a 4xx or 5xx, or to
 * hold the message so that the sender stays inside its SMTP call until the test kills it:
 * - "after-data": the message is received and kept, but the server never answers (the sender
 *   cannot know it arrived: the textbook uncertain case);
 * - "before-data": the server never answers and drops the message (it did not arrive).
 */
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export type HoldMode = "after-data" | "before-data";

export class NewsletterSink extends EventEmitter {
  url = "";
  readonly received: ParsedMail[] = [];
  /** Recipients whose message is held (the `held` event fires with the address). */
  readonly hold = new Map<string, HoldMode>();
  /** Recipient -> [code, how many more times]: refused at RCPT TO. */
  readonly refuse = new Map<string, [number, number]>();
  /** While set, every message waits for this promise before the server answers (`gated` fires). */
  gate: Promise<void> | null = null;
  private server: SMTPServer | undefined;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      authOptional: true,
      logger: false,
      // No reverse DNS of 127.0.0.1 per connection (it costs ~100 ms here, and tests stay offline).
      disableReverseLookup: true,
      onRcptTo: (address, _session, callback) => {
        const rule = this.refuse.get(address.address);
        if (!rule || rule[1] <= 0) return callback();
        rule[1] -= 1;
        callback(Object.assign(new Error(`refused by the test (${rule[0]})`), { responseCode: rule[0] }));
      },
      onData: (stream, session, callback) => {
        this.onData(stream, session, callback).catch(callback);
      },
    });
    this.server.on("error", () => undefined);
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.server.address() as AddressInfo;
    this.url = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
    return this;
  }

  private async onData(
    stream: NodeJS.ReadableStream,
    session: SMTPServerSession,
    callback: (e?: Error) => void,
  ) {
    const to = session.envelope.rcptTo[0]?.address ?? "";
    const mode = this.hold.get(to);
    const mail = await simpleParser(stream as never);
    if (mode) {
      if (mode === "after-data") this.received.push(mail);
      this.emit("held", to);
      return; // never answered: the sender stays in its SMTP call
    }
    if (this.gate) {
      this.emit("gated", to);
      await this.gate;
    }
    this.received.push(mail);
    callback();
  }

  /** How many messages each address received (optionally only those whose Message-ID matches). */
  counts(messageId?: RegExp): Map<string, number> {
    const counts = new Map<string, number>();
    for (const mail of this.received) {
      if (messageId && !messageId.test(mail.messageId ?? "")) continue;
      const to = mail.to && !Array.isArray(mail.to) ? (mail.to.value[0]?.address ?? "") : "";
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    return counts;
  }

  /** Resolves with the address once a held message has reached the server. */
  nextHeld(): Promise<string> {
    return new Promise((resolve) => this.once("held", resolve));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export async function startNewsletterSink(): Promise<NewsletterSink> {
  return new NewsletterSink().start();
}
