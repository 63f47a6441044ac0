import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import type { Config } from "../config.js";
import type { MailTransport, OutgoingMail } from "./types.js";

/** The fields nodemailer needs, identical for both transports so a file shows what SMTP would send. */
function toNodemailer(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    headers: mail.headers ?? {},
    // Stable per outbox row: a retried mail keeps its Message-ID, so receivers can drop duplicates.
    messageId: `<outbox-${mail.id}-${mail.kind}@inci-atlas>`,
  };
}

/**
 * SMTP through nodemailer. The URL may carry nodemailer's options as query parameters
 * (`smtp://host:25?ignoreTLS=true` for a local sink without TLS). Timeouts keep a stuck server
 * from holding a worker pass longer than its lease.
 */
export class SmtpTransport implements MailTransport {
  readonly description: string;
  private readonly transporter;

  constructor(url: string) {
    const parsed = new URL(url);
    this.description = `SMTP ${parsed.protocol}//${parsed.hostname}:${parsed.port || "default port"}`;
    this.transporter = createTransport({
      url,
      // Reuse connections: a newsletter of thousands of mails must not open (and, with TLS,
      // negotiate) one connection per mail. Each sender sends one mail at a time and records it,
      // so one connection carries its mails; at most two are open, each renewed after 100 mails.
      pool: true,
      maxConnections: 2,
      maxMessages: 100,
      // A connection that closes while a mail is out fails that mail rather than queueing it again
      // (the pool's default, up to 5 times): it may have arrived, and the sender records it as
      // uncertain instead of risking a reader getting it twice.
      maxRequeues: 0,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(toNodemailer(mail));
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * Without an SMTP server, each mail becomes an .eml file (RFC 5322, readable by any mail program
 * and by a person). Written under a temporary name and renamed, so a reader of the folder never
 * sees half a file. The folder is created on the first mail, not at boot.
 */
export class FolderTransport implements MailTransport {
  readonly description: string;
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: "unix" });

  constructor(private readonly dir: string) {
    this.description = `files in ${dir}`;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.composer.sendMail(toNodemailer(mail));
    await mkdir(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const kind = mail.kind.replace(/[^a-z0-9-]/gi, "_");
    const path = join(this.dir, `${stamp}-${String(mail.id).padStart(6, "0")}-${kind}.eml`);
    await writeFile(`${path}.tmp`, info.message as Buffer);
    await rename(`${path}.tmp`, path);
  }

  close(): void {
    this.composer.close();
  }
}

export function createMailTransport(config: Pick<Config, "smtpUrl" | "outboxDir">): MailTransport {
  return config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new FolderTransport(config.outboxDir);
}
