import assert from "node:assert/strict";
import { it } from "node:test";
import cookie from "@fastify/cookie";
import Fastify from "fastify";
import { describeEachWeb } from "../../test/web.js";
import { editorCreate } from "../cli/editor.js";
import { safeNext } from "./auth-routes.js";
import { setSessionCookie } from "./cookie.js";
import {
  adminClient,
  csrfPair,
  formFields,
  notice,
  TEST_PASSWORD as PASSWORD,
  postForm,
  sessionCookieOf,
} from "./factories.js";

describeEachWeb("admin sign-in over HTTP", (web) => {
  const { app, get, signIn, sessionFor, account } = adminClient(web);

  it("a command-line editor sets a password through the link, is signed in, signs out and in again", async () => {
    const { ctx } = web();
    const out = await editorCreate(ctx.database, ctx.config.publicUrl, {
      email: "Chief@Example.org",
      role: "admin",
    });
    assert.match(out, /Created admin chief@example\.org/);
    const url = new URL(/(http\S+)/.exec(out)?.[1] as string);
    assert.equal(url.origin + url.pathname, `${ctx.config.publicUrl}/admin/set-password`);

    const page = await get(url.pathname + url.search);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /chief@example\.org/);
    assert.equal(page.headers["cache-control"], "no-store");
    assert.equal(page.headers["x-robots-tag"], "noindex");

    const csrf = await csrfPair(app());
    const token = url.searchParams.get("token") as string;
    const ip = "198.51.100.1";
    // Exactly what the rendered form sends (a stray field would be refused by the strict schema).
    const asRendered = formFields(page.body, "/admin/set-password", {
      password: PASSWORD,
      confirm: PASSWORD,
    });
    const formCookie = page.cookies.find((c) => c.name === "_csrf");
    assert.ok(formCookie);
    const differ = await postForm(
      app(),
      "/admin/set-password",
      { token, password: PASSWORD, confirm: `${PASSWORD}x` },
      csrf,
      undefined,
      ip,
    );
    assert.equal(differ.statusCode, 400);
    assert.match(notice(differ.body) ?? "", /differ/);
    const short = await postForm(
      app(),
      "/admin/set-password",
      { token, password: "short", confirm: "short" },
      csrf,
      undefined,
      ip,
    );
    assert.equal(short.statusCode, 400);

    const set = await app().inject({
      method: "POST",
      url: "/admin/set-password",
      payload: new URLSearchParams(asRendered).toString(),
      remoteAddress: ip,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `_csrf=${formCookie.value}` },
    });
    assert.equal(set.statusCode, 303, set.body);
    assert.equal(set.headers.location, "/admin");
    const cookie = set.cookies.find((c) => c.name === "atlas_admin");
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Lax");
    assert.equal(cookie.path, "/admin");
    assert.equal(cookie.secure, undefined, "no Secure flag on an http:// site, or the browser would drop it");
    assert.ok(cookie.expires && cookie.expires.getTime() > Date.now() + 13 * 86_400_000);

    const dashboard = await get("/admin", cookie.value);
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Editors&#39; workspace|Editors' workspace/);
    assert.equal((await get(url.pathname + url.search)).statusCode, 400, "a used link is dead");

    const out2 = await postForm(app(), "/admin/sign-out", {}, csrf, cookie.value, ip);
    assert.equal(out2.statusCode, 303);
    assert.equal(out2.headers.location, "/admin/sign-in");
    const after = await get("/admin", cookie.value);
    assert.equal(after.statusCode, 303);
    assert.equal(after.headers.location, "/admin/sign-in?next=%2Fadmin");

    const again = await signIn(csrf, "CHIEF@example.org", PASSWORD, ip, "/admin/sessions");
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, "/admin/sessions");
    assert.equal((await get("/admin/sessions", sessionCookieOf(again))).statusCode, 200);
  });

  it("answers a wrong password and an unknown address with the same status and message", async () => {
    const csrf = await csrfPair(app());
    const wrong = await signIn(csrf, "chief@example.org", "not the password", "198.51.100.2");
    const unknown = await signIn(csrf, "nobody@example.org", "not the password", "198.51.100.2");
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.ok(notice(wrong.body));
    assert.equal(notice(wrong.body), notice(unknown.body));
    assert.equal(sessionCookieOf(wrong), undefined);
  });

  it("locks an address after five failures, with Retry-After, and the lock page says so", async () => {
    await account("locked@example.org", "editor");
    const csrf = await csrfPair(app());
    for (let i = 0; i < 5; i++) {
      assert.equal((await signIn(csrf, "locked@example.org", `wrong ${i}`, "198.51.100.3")).statusCode, 401);
    }
    const locked = await signIn(csrf, "locked@example.org", PASSWORD, "198.51.100.3");
    assert.equal(locked.statusCode, 429);
    assert.ok(Number(locked.headers["retry-after"]) > 0 && Number(locked.headers["retry-after"]) <= 60);
    assert.match(notice(locked.body) ?? "", /try again in 1 minute/);
  });

  it("limits sign-in posts per client address", async () => {
    const csrf = await csrfPair(app());
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await signIn(csrf, `spray${i}@example.org`, "guess guess", "203.0.113.9")).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.equal(statuses[10], 429);
  });

  it("refuses a form without its CSRF token", async () => {
    const noToken = await postForm(
      app(),
      "/admin/sign-in",
      { email: "chief@example.org", password: PASSWORD },
      null,
      undefined,
      "198.51.100.4",
    );
    assert.equal(noToken.statusCode, 403);
    assert.match(noToken.body, /csrf_invalid/);
    const session = await sessionFor("chief@example.org", "198.51.100.4");
    const csrf = await csrfPair(app());
    const forged = await postForm(
      app(),
      "/admin/sessions/revoke-all",
      {},
      { cookie: csrf.cookie, token: "forged" },
      session,
    );
    assert.equal(forged.statusCode, 403);
    const bare = await app().inject({
      method: "POST",
      url: "/admin/sessions/revoke-all",
      headers: { cookie: `atlas_admin=${session}` },
    });
    assert.equal(bare.statusCode, 403);
    assert.equal((await get("/admin", session)).statusCode, 200, "nothing was revoked");
  });

  it("never sends a signed-in editor to another site after sign-in", async () => {
    const csrf = await csrfPair(app());
    const response = await signIn(
      csrf,
      "chief@example.org",
      PASSWORD,
      "198.51.100.5",
      "//evil.example/admin",
    );
    assert.equal(response.headers.location, "/admin");
    for (const bad of [
      "https://evil.example",
      "/\\evil.example",
      "/administrator",
      "/admin//x",
      "/ingredients",
    ]) {
      assert.equal(safeNext(bad), "/admin", bad);
    }
    assert.equal(safeNext("/admin/audit?page=2"), "/admin/audit?page=2");
  });
});

it("sets the session cookie Secure when the site is served over https", async () => {
  const app = Fastify();
  await app.register(cookie);
  app.get("/", async (_request, reply) => {
    setSessionCookie(reply, "https://atlas.example", "t", new Date(Date.now() + 60_000));
    return "ok";
  });
  const response = await app.inject({ method: "GET", url: "/" });
  assert.equal(response.cookies[0]?.secure, true);
  assert.equal(response.cookies[0]?.sameSite, "Lax");
  await app.close();
});
