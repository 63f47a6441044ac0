/** A mail as the application writes it: plain text always, HTML optionally, extra headers. */
export interface MailMessage {
  /** What the mail is, for the outbox and its files: "newsletter-confirm", "newsletter", ... */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

/** A mail taken from the outbox to be sent. */
export interface OutgoingMail extends MailMessage {
  id: number;
  from: string;
}

/** Where mails go: an SMTP server, or files in a folder. Chosen by configuration at boot. */
export interface MailTransport {
  /** Where mails go, for the boot log (never a password). */
  readonly description: string;
  /** Resolve once the mail is handed over; reject with the reason otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The few logger methods the mailer uses (pino, fastify's logger, or a test's). */
export interface MailLog {
  info(message: string): void;
  warn(message: string): void;
}
