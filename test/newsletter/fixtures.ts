/**
 * Helpers of the newsletter's send tests: subscribers and an issue made through the repositories,
 * child processes (the test sender, the real command line) whose output is read as it comes.
 * Children are spawned asynchronously: the SMTP server they talk to runs in the test's process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import type { Kysely } from "kysely";
import type { DatabaseConfig } from "../../src/config.js";
import type { DB } from "../../src/db/schema.js";
import { SmtpTransport } from "../../src/mail/transports.js";
import { insertIssue } from "../../src/newsletter/issue-repository.js";
import {
  findSubscriberByEmail,
  insertPendingSubscriber,
  markConfirmed,
  markUnsubscribed,
} from "../../src/newsletter/repository.js";
import type { SendDeps } from "../../src/newsletter/send-run.js";
import { PROJECT_DIR } from "../../src/paths.js";
import { loadSigningKey, Signer } from "../../src/security/signing.js";

export const SECRET = "a test secret key of at least thirty-two characters";
export const PUBLIC_URL = "https://atlas.example";
export const MAIL_FROM = "INCI Atlas <news@atlas.example>";

export function databaseUrl(config: DatabaseConfig): string {
  return config.dialect === "sqlite" ? `sqlite:${config.path}` : config.url;
}

/** `n` subscribers in the given status, `${prefix}-${i}@example.org`, in id order. */
export async function addSubscribers(
  db: Kysely<DB>,
  prefix: string,
  n: number,
  status: "confirmed" | "pending" | "unsubscribed" = "confirmed",
): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 1; i <= n; i++) {
    const email = `${prefix}-${i}@example.org`;
    await insertPendingSubscriber(db, email, new Date());
    const subscriber = await findSubscriberByEmail(db, email);
    if (!subscriber) throw new Error(`no subscriber ${email}`);
    if (status !== "pending") await markConfirmed(db, subscriber.id, new Date());
    if (status === "unsubscribed") await markUnsubscribed(db, subscriber.id, new Date());
    emails.push(email);
  }
  return emails;
}

export async function createIssue(db: Kysely<DB>, subject: string): Promise<number> {
  const article = {
    slug: "glycerin",
    name: "Glycerin",
    inci: "GLYCERIN",
    summary: "A humectant that draws water into the outer layer of the skin.",
    kind: "updated" as const,
    note: "Clarified the sources.",
    publishedAt: new Date().toISOString(),
  };
  const intro = "This week: **one** updated article.";
  return insertIssue(
    db,
    { subject, intro, articles: [article], since: new Date(0).toISOString() },
    "test",
    new Date(),
  );
}

export async function sendDeps(db: Kysely<DB>, smtpUrl: string): Promise<SendDeps & { close(): void }> {
  const transport = new SmtpTransport(smtpUrl);
  const signer = new Signer(await loadSigningKey(db, SECRET));
  return {
    db,
    transport,
    signer,
    publicUrl: PUBLIC_URL,
    mailFrom: MAIL_FROM,
    close: () => transport.close(),
  };
}

export interface Child {
  process: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the first stdout line (parsed JSON when it is) that matches. */
  line(match: (line: string) => boolean): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnChild(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), ...args], {
    cwd: PROJECT_DIR,
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const state: Child = {
    process: child,
    stdout: "",
    stderr: "",
    line: (match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = state.stdout.split("\n").find(match);
          if (found !== undefined) {
            child.stdout?.off("data", check);
            resolve(found);
          }
        };
        child.stdout?.on("data", check);
        child.once("close", () => reject(new Error(`exited before the line; stderr: ${state.stderr}`)));
        check();
      }),
    exited: new Promise((resolve) =>
      child.once("close", (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal })),
    ),
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    state.stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    state.stderr += chunk.toString();
  });
  return state;
}

/** The test sender (test/newsletter/sender.ts) on a database and an SMTP server. */
export function spawnSender(
  config: DatabaseConfig,
  smtpUrl: string,
  issueId: number,
  extra: string[] = [],
): Child {
  return spawnChild([
    resolve(PROJECT_DIR, "test/newsletter/sender.ts"),
    "--database-url",
    databaseUrl(config),
    "--smtp-url",
    smtpUrl,
    "--secret",
    SECRET,
    "--issue",
    String(issueId),
    ...extra,
  ]);
}

/** The real command line: `inci-atlas newsletter ...`. */
export function spawnCli(config: DatabaseConfig, smtpUrl: string, args: string[]): Child {
  return spawnChild([resolve(PROJECT_DIR, "src/cli/main.ts"), "newsletter", ...args], {
    DATABASE_URL: databaseUrl(config),
    SMTP_URL: smtpUrl,
    SECRET_KEY: SECRET,
    PUBLIC_URL: PUBLIC_URL,
    MAIL_FROM: MAIL_FROM,
  });
}

export async function runCli(config: DatabaseConfig, smtpUrl: string, args: string[]) {
  const child = spawnCli(config, smtpUrl, args);
  const { code } = await child.exited;
  return { code, stdout: child.stdout, stderr: child.stderr };
}
