import type { FastifyReply } from "fastify";

export const SESSION_COOKIE = "atlas_admin";

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (Strict would drop it when an
 * editor follows a link to /admin from a mail or a chat, and they would look signed out), Path=/admin
 * (public pages never carry it), and Secure when the site is served over https. Not on plain http:
 * a browser does not send a Secure cookie to http://localhost, so sign-in would never stick there.
 */
function options(publicUrl: string, expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: publicUrl.startsWith("https:"),
    path: "/admin",
    expires,
  };
}

export function setSessionCookie(reply: FastifyReply, publicUrl: string, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, options(publicUrl, expires));
}

export function clearSessionCookie(reply: FastifyReply, publicUrl: string): void {
  reply.clearCookie(SESSION_COOKIE, options(publicUrl, new Date(0)));
}
