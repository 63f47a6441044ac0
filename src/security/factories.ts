/**
 * Test helpers for the reader forms: what a browser does before it posts one (fetch a CSRF token
 * and its cookie, solve an ALTCHA challenge with altcha-lib's own solver), and the post itself.
 */
import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Config } from "../config.js";
import type { AltchaGuard } from "./altcha.js";

/** A challenge solved in milliseconds, and no background mail worker racing the tests' own passes. */
export const FORM_TEST_CONFIG: Partial<Config> = { altchaCost: 1, altchaMaxCounter: 30, outboxPollMs: 0 };

export function encodeSolution(challenge: Challenge, solution: unknown): string {
  const payload = {
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution,
  };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 10_000 });
  if (!solution) throw new Error("the test challenge was not solved");
  return encodeSolution(challenge, solution);
}

/** A payload as the widget sends it, from a challenge fetched over HTTP like the browser does. */
export async function solvedAltcha(app: FastifyInstance): Promise<string> {
  const response = await app.inject({ method: "GET", url: "/api/v1/altcha/challenge" });
  return solve(response.json() as Challenge);
}

/** A payload from a challenge issued at `now` (e.g. long ago, to test expiry). */
export async function solvedAltchaAt(guard: AltchaGuard, now: number): Promise<string> {
  return solve(await guard.issue(now));
}

export interface FormSession {
  token: string;
  cookie: string;
}

export async function formSession(app: FastifyInstance): Promise<FormSession> {
  const response = await app.inject({ method: "GET", url: "/api/v1/forms/token" });
  const secret = response.cookies.find((c) => c.name === "_csrf");
  if (!secret) throw new Error("no CSRF cookie was set");
  return { token: (response.json() as { csrfToken: string }).csrfToken, cookie: `_csrf=${secret.value}` };
}

export interface PostOptions {
  session?: FormSession;
  /** The client's address (rate limits are per address; each test uses its own). */
  ip?: string;
  headers?: Record<string, string>;
}

/** Post an HTML form as a browser would: url-encoded, with the token field and its cookie. */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  options: PostOptions = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams(fields);
  if (options.session) body.set("_csrf", options.session.token);
  return app.inject({
    method: "POST",
    url,
    remoteAddress: options.ip ?? "127.0.0.1",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(options.session ? { cookie: options.session.cookie } : {}),
      ...options.headers,
    },
    payload: body.toString(),
  });
}

export function postJson(
  app: FastifyInstance,
  url: string,
  body: unknown,
  options: Omit<PostOptions, "session"> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url,
    remoteAddress: options.ip ?? "127.0.0.1",
    headers: { "content-type": "application/json", ...options.headers },
    payload: JSON.stringify(body),
  });
}

/** The error of a JSON answer, or of an HTML page's "Error code: ..." line. */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  if (String(response.headers["content-type"]).startsWith("application/json")) {
    return (response.json() as { error?: { code?: string } }).error?.code;
  }
  return /Error code: <!-- -->([a-z_]+)|Error code: ([a-z_]+)/.exec(response.body)?.slice(1).find(Boolean);
}
