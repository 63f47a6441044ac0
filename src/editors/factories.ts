import assert from "node:assert/strict";
import { after, before } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import type { TestDatabase } from "../../test/databases.js";
import type { WebTest } from "../../test/web.js";
import { editorCreate } from "../cli/editor.js";
import type { Database } from "../db/database.js";
import type { DB } from "../db/schema.js";
import { createEditor, type Editor } from "./accounts.js";
import { SESSION_COOKIE } from "./cookie.js";
import { issueSetPasswordLink, setPasswordWithLink } from "./links.js";

/** Test helpers (left out of the build): accounts made through the real services, no shortcuts. */

export function tokenOf(url: string): string {
  const token = new URL(url).searchParams.get("token");
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/** An account with a password, through a real set-password link. */
export async function makeEditor(
  db: Kysely<DB>,
  email: string,
  role: "admin" | "editor",
  password: string,
  now = new Date(),
): Promise<Editor> {
  const editor = await createEditor(db, { email, role }, "test", now);
  const link = await issueSetPasswordLink(db, "http://localhost", editor, "test", now);
  return setPasswordWithLink(db, tokenOf(link.url), password, now);
}

/** A CSRF secret cookie and a token for it, as a browser gets them from the sign-in page. */
export async function csrfPair(app: FastifyInstance): Promise<{ cookie: string; token: string }> {
  const page = await app.inject({ method: "GET", url: "/admin/sign-in" });
  const secret = page.cookies.find((c) => c.name === "_csrf");
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!secret || !token) throw new Error("the sign-in page gave no CSRF token");
  return { cookie: `_csrf=${secret.value}`, token };
}

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== "")?.value;
}

/** Headers of a browser with this session (may be undefined: none) and CSRF pair. */
export function browser(csrf: { cookie: string; token: string }, session?: string) {
  const cookie = session ? `${csrf.cookie}; ${SESSION_COOKIE}=${session}` : csrf.cookie;
  return { cookie, "x-csrf-token": csrf.token };
}

/** Post a form as a browser would (urlencoded, the CSRF token in the `_csrf` field). */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  csrf: { cookie: string; token: string } | null,
  session?: string,
  remoteAddress = "127.0.0.1",
) {
  const body = new URLSearchParams(csrf ? { ...fields, _csrf: csrf.token } : fields).toString();
  const cookies = [csrf?.cookie, session ? `${SESSION_COOKIE}=${session}` : undefined].filter(Boolean);
  return app.inject({
    method: "POST",
    url,
    payload: body,
    remoteAddress,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(cookies.length > 0 ? { cookie: cookies.join("; ") } : {}),
    },
  });
}

/**
 * The fields a browser would send from the rendered form posting to `action`: every named input
 * with its value (hidden ones included), then `fill` on top. Submitting what the page really
 * renders catches a field the route's strict schema does not expect.
 */
export function formFields(
  html: string,
  action: string,
  fill: Record<string, string>,
): Record<string, string> {
  const escaped = action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const form = new RegExp(`<form[^>]*action="${escaped}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (form === undefined) throw new Error(`no form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (name) fields[name] = (/\bvalue="([^"]*)"/.exec(input)?.[1] ?? "").replace(/&amp;/g, "&");
  }
  for (const [, name, options] of form.matchAll(/<select[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen =
      /<option[^>]*value="([^"]*)"[^>]*selected/.exec(options ?? "") ??
      /<option[^>]*value="([^"]*)"/.exec(options ?? "");
    if (name) fields[name] = chosen?.[1] ?? "";
  }
  for (const name of Object.keys(fill)) {
    if (!(name in fields)) throw new Error(`the form to ${action} has no field ${name}`);
  }
  return { ...fields, ...fill };
}

/** The error a promise rejects with, asserting its code. */
export async function rejectsWith(promise: Promise<unknown>, code: string): Promise<Error> {
  let caught: Error | undefined;
  await assert.rejects(promise, (error: Error & { code?: string }) => {
    caught = error;
    return error.code === code;
  });
  return caught as Error;
}

/** A migrated database (no corpus) for the suite, dropped after it. */
export function suiteDatabase(make: () => Promise<TestDatabase>): () => Database {
  let database: Database | undefined;
  let made: TestDatabase | undefined;
  before(async () => {
    made = await make();
    database = await made.open();
  });
  after(async () => {
    await database?.close();
    await made?.drop();
  });
  return () => database as Database;
}

export const TEST_PASSWORD = "a long enough password";
type Csrf = { cookie: string; token: string };

/** A browser's view of the admin pages of a web suite: pages, sign-in, accounts. */
export function adminClient(web: () => WebTest) {
  const app = () => web().app;
  const get = (url: string, session?: string, csrf?: Csrf) =>
    app().inject({
      method: "GET",
      url,
      headers: csrf ? browser(csrf, session) : session ? { cookie: `${SESSION_COOKIE}=${session}` } : {},
    });
  const signIn = (csrf: Csrf, email: string, password: string, ip: string, next?: string) =>
    postForm(
      app(),
      "/admin/sign-in",
      next === undefined ? { email, password } : { email, password, next },
      csrf,
      undefined,
      ip,
    );
  const sessionFor = async (email: string, ip: string): Promise<string> => {
    const response = await signIn(await csrfPair(app()), email, TEST_PASSWORD, ip);
    assert.equal(response.statusCode, 303, response.body);
    return sessionCookieOf(response) as string;
  };
  /** An account made on the command line, its password set through its link. */
  const account = async (email: string, role: "admin" | "editor"): Promise<void> => {
    const { ctx } = web();
    const out = await editorCreate(ctx.database, ctx.config.publicUrl, { email, role });
    const token = tokenOf(/(http\S+)/.exec(out)?.[1] as string);
    const fields = { token, password: TEST_PASSWORD, confirm: TEST_PASSWORD };
    const set = await postForm(
      app(),
      "/admin/set-password",
      fields,
      await csrfPair(app()),
      undefined,
      "198.51.100.200",
    );
    assert.equal(set.statusCode, 303, set.body);
  };
  return { app, get, signIn, sessionFor, account };
}

/** The error notice of a rendered admin page. */
export function notice(body: string): string | undefined {
  return /<p class="admin-notice admin-error"[^>]*>([^<]*)<\/p>/.exec(body)?.[1];
}
