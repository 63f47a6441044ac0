import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { PROJECT_DIR } from "../src/paths.js";
import { freePort } from "./ports.js";

// The server as `npm start` runs it: a supervisor and WEB_CONCURRENCY web server processes.
const dir = mkdtempSync(join(tmpdir(), "inci-atlas-server-"));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  baseUrl: string;
  /** Every line the process tree printed so far (pino's JSON lines and the supervisor's own). */
  lines: string[];
  waitFor(test: (line: string) => boolean, what: string): Promise<string>;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), resolve(PROJECT_DIR, "src/server/main.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: `sqlite:${join(dir, "site.db")}`,
        PORT: String(port),
        LOG_LEVEL: "info",
        OUTBOX_DIR: join(dir, "outbox"),
        OUTBOX_POLL_MS: "0",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    for (const wake of waiters) wake();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const waitFor = (test: (line: string) => boolean, what: string) =>
    new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ${what} in:\n${lines.join("\n")}`)), 60_000);
      const check = () => {
        const line = lines.find(test);
        if (!line) return;
        clearTimeout(timer);
        waiters.delete(check);
        done(line);
      };
      waiters.add(check);
      check();
    });
  return { child, baseUrl: `http://127.0.0.1:${port}`, lines, waitFor, exited };
}

/** pids of the processes that logged "Server listening" so far. */
function listeningPids(lines: readonly string[]): number[] {
  return lines
    .filter((l) => l.includes("Server listening"))
    .map((l) => (JSON.parse(l) as { pid: number }).pid)
    .filter((pid, i, all) => all.indexOf(pid) === i);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function fetchStatus(baseUrl: string, path: string): Promise<number> {
  // A new connection per request, so that the supervisor hands them to different workers.
  const response = await fetch(`${baseUrl}${path}`, { headers: { connection: "close" } });
  await response.arrayBuffer();
  return response.status;
}

describe("the server process", () => {
  it("serves from one worker by default and exits cleanly on SIGTERM", async () => {
    const server = await start({});
    try {
      await server.waitFor((l) => l.includes("starting 1 web server process"), "supervisor line");
      await server.waitFor((l) => l.includes("Server listening"), "listening line");
      assert.equal(await fetchStatus(server.baseUrl, "/ingredients/aqua"), 200);
      server.child.kill("SIGTERM");
      assert.equal(await server.exited, 0);
    } finally {
      server.child.kill("SIGKILL");
    }
  });

  it("runs WEB_CONCURRENCY workers, replaces one that dies, and stops them all on SIGTERM", async () => {
    const server = await start({ WEB_CONCURRENCY: "2" });
    try {
      await server.waitFor((l) => l.includes("starting 2 web server processes"), "supervisor line");
      await server.waitFor(() => listeningPids(server.lines).length === 2, "two listening workers");
      const [first, second] = listeningPids(server.lines) as [number, number];
      for (let i = 0; i < 6; i++) assert.equal(await fetchStatus(server.baseUrl, "/ingredients/aqua"), 200);

      process.kill(first, "SIGKILL");
      await server.waitFor((l) => l.includes(`web worker ${first} exited (SIGKILL)`), "exit report");
      await server.waitFor(() => listeningPids(server.lines).length === 3, "a replacement worker");
      const replacement = listeningPids(server.lines)[2] as number;
      assert.equal(await fetchStatus(server.baseUrl, "/"), 200);

      server.child.kill("SIGTERM");
      assert.equal(await server.exited, 0);
      assert.equal(isAlive(second), false, "a worker outlived the supervisor");
      assert.equal(isAlive(replacement), false, "the replacement outlived the supervisor");
    } finally {
      server.child.kill("SIGKILL");
    }
  });

  it("gives up after three quick worker failures instead of restarting forever", async () => {
    // Another process holds the port: every worker fails to listen at once.
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((done) => blocker.once("listening", done));
    const { port } = blocker.address() as { port: number };
    const server = await start({ WEB_CONCURRENCY: "2", PORT: String(port) });
    try {
      const code = await server.exited;
      assert.equal(code, 2);
      assert.ok(server.lines.some((l) => l.includes("third quick failure in a row")));
    } finally {
      server.child.kill("SIGKILL");
      blocker.close();
    }
  });
});
