import assert from "node:assert/strict";
import { subscribe } from "node:diagnostics_channel";
import { before, it } from "node:test";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import { describeEachWeb } from "../../test/web.js";
import { SESSION_COOKIE } from "./cookie.js";
import { csrfPair, makeEditor } from "./factories.js";
import { registerAdminArea } from "./guard.js";
import { createSession, revokeSession } from "./sessions.js";

/**
 * THE ACCESS TEST. Every route of the real app whose URL starts with /admin, however and wherever it
 * was registered, is collected as it is registered: Fastify announces each new instance on the
 * `fastify.initialization` diagnostics channel before any plugin or route exists, and an onRoute
 * hook added then sees every route. A route added later is therefore tested without editing this
 * file; only the open pages below are exempt from the session rule.
 */
const OPEN = new Set(["/admin/sign-in", "/admin/set-password"]);

interface CollectedRoute {
  method: string;
  url: string;
  role: unknown;
}
const routesOf = new WeakMap<object, CollectedRoute[]>();
subscribe("fastify.initialization", (message) => {
  const { fastify } = message as { fastify: FastifyInstance };
  const routes: CollectedRoute[] = [];
  routesOf.set(fastify, routes);
  fastify.addHook("onRoute", (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, role: route.config?.role });
  });
});

/** A concrete URL for a pattern: any value reaches the guard, which runs before validation. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, "1").replace(/\*$/, "x");
}

const PASSWORD = "the access test password";
const DAY = 86_400_000;

describeEachWeb("every /admin route requires a session and its role", (web) => {
  let routes: CollectedRoute[] = [];
  const tokens: Record<"admin" | "editor" | "revoked" | "expired" | "disabled", string> = {
    admin: "",
    editor: "",
    revoked: "",
    expired: "",
    disabled: "",
  };
  let csrf: { cookie: string; token: string };

  before(async () => {
    const { app, ctx } = web();
    const all = routesOf.get(app);
    assert.ok(all, "the app was announced on the diagnostics channel");
    routes = all.filter((r) => r.url === "/admin" || r.url.startsWith("/admin/"));
    const { db } = ctx.database;
    const admin = await makeEditor(db, "access-admin@example.org", "admin", PASSWORD);
    const editor = await makeEditor(db, "access-editor@example.org", "editor", PASSWORD);
    const gone = await makeEditor(db, "access-gone@example.org", "admin", PASSWORD);
    const now = new Date();
    tokens.admin = (await createSession(db, admin.id, {}, now)).token;
    tokens.editor = (await createSession(db, editor.id, {}, now)).token;
    const revoked = await createSession(db, admin.id, {}, now);
    await revokeSession(db, revoked.id, now);
    tokens.revoked = revoked.token;
    // Signed in 20 days ago and idle since: past the 14-day idle limit.
    tokens.expired = (await createSession(db, admin.id, {}, new Date(now.getTime() - 20 * DAY))).token;
    tokens.disabled = (await createSession(db, gone.id, {}, now)).token;
    await db
      .updateTable("editors")
      .set({ disabled_at: now.toISOString() })
      .where("id", "=", gone.id)
      .execute();
    csrf = await csrfPair(app);
  });

  /** A request as a browser with a valid CSRF pair, so that only the guard can refuse it. */
  function request(route: CollectedRoute, session?: string) {
    const cookie = session ? `${csrf.cookie}; ${SESSION_COOKIE}=${session}` : csrf.cookie;
    const unsafe = route.method !== "GET" && route.method !== "HEAD";
    return web().app.inject({
      method: route.method as "GET",
      url: concrete(route.url),
      headers: {
        cookie,
        "x-csrf-token": csrf.token,
        ...(unsafe ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(unsafe ? { payload: `_csrf=${encodeURIComponent(csrf.token)}` } : {}),
    });
  }

  function assertRefused(route: CollectedRoute, response: Awaited<ReturnType<typeof request>>, what: string) {
    const where = `${route.method} ${route.url} (${what})`;
    if (route.url.startsWith("/admin/api/")) {
      assert.equal(response.statusCode, 401, where);
      if (route.method !== "HEAD") assert.equal(response.json().error.code, "unauthorized", where);
    } else {
      assert.equal(response.statusCode, 303, where);
      assert.match(String(response.headers.location), /^\/admin\/sign-in(\?|$)/, where);
    }
    assert.equal(response.headers["cache-control"], "no-store", where);
    assert.equal(response.headers["x-robots-tag"], "noindex", where);
  }

  it("finds the admin routes (the enumeration works)", () => {
    const seen = new Set(routes.map((r) => `${r.method} ${r.url}`));
    for (const known of [
      "GET /admin",
      "HEAD /admin",
      "GET /admin/editors",
      "POST /admin/sessions/:id/revoke",
      "GET /admin/api/me",
    ]) {
      assert.ok(seen.has(known), known);
    }
    assert.ok(routes.length >= 20, `${routes.length} admin routes`);
  });

  it("every guarded route declares a role; only sign-in and set-password are open", () => {
    for (const route of routes) {
      if (OPEN.has(route.url)) continue;
      assert.ok(
        route.role === "admin" || route.role === "editor",
        `${route.method} ${route.url} has role ${String(route.role)}`,
      );
    }
  });

  for (const [what, key] of [
    ["no session", undefined],
    ["a revoked session", "revoked"],
    ["an expired session", "expired"],
    ["a disabled editor's session", "disabled"],
    ["a forged cookie", "forged"],
  ] as const) {
    it(`refuses every guarded route with ${what}`, async () => {
      const token = key === "forged" ? "A".repeat(43) : key ? tokens[key] : undefined;
      for (const route of routes) {
        if (OPEN.has(route.url)) continue;
        assertRefused(route, await request(route, token), what);
      }
    });
  }

  it("refuses every admin-only route to an editor with 403", async () => {
    const adminOnly = routes.filter((r) => r.role === "admin");
    assert.ok(adminOnly.length >= 6);
    for (const route of adminOnly) {
      const response = await request(route, tokens.editor);
      assert.equal(response.statusCode, 403, `${route.method} ${route.url}`);
      assert.equal(response.headers["cache-control"], "no-store");
    }
  });

  it("lets the right people through (GET pages open to their role)", async () => {
    for (const route of routes.filter(
      (r) => r.method === "GET" && !OPEN.has(r.url) && !r.url.includes(":"),
    )) {
      const asAdmin = await request(route, tokens.admin);
      assert.equal(asAdmin.statusCode, 200, `admin: GET ${route.url}`);
      if (route.role === "editor") {
        assert.equal((await request(route, tokens.editor)).statusCode, 200, `editor: GET ${route.url}`);
      }
    }
  });

  it("serves the open pages without a session, never cached, never indexed", async () => {
    const signIn = await web().app.inject({ method: "GET", url: "/admin/sign-in" });
    assert.equal(signIn.statusCode, 200);
    assert.equal(signIn.headers["cache-control"], "no-store");
    assert.equal(signIn.headers["x-robots-tag"], "noindex");
    const link = await web().app.inject({
      method: "GET",
      url: `/admin/set-password?token=${"A".repeat(43)}`,
    });
    assert.equal(link.statusCode, 400);
  });
});

it("refuses at start-up an admin route without a role, or outside /admin", async () => {
  for (const [url, config] of [
    ["/admin/forgot-the-role", {}],
    ["/elsewhere", { role: "editor" }],
  ] as const) {
    const app = Fastify();
    const area = registerAdminArea(app, {} as never, [
      async (a) => {
        a.get(url, { config }, async () => "secret");
      },
    ]);
    await assert.rejects(
      Promise.resolve(area).then(() => app.ready()),
      /declares no role|only \/admin routes/,
    );
    await app.close().catch(() => undefined);
  }
});
