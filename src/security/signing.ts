import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";

/**
 * What a token is for. The purpose is part of the signed text, so a token minted for one purpose
 * never verifies for another (a confirmation link cannot unsubscribe, and the reverse).
 */
export type TokenPurpose = "newsletter-confirm" | "newsletter-unsubscribe" | "newsletter-data";

export interface VerifiedToken {
  subject: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** The settings row that holds the generated key when SECRET_KEY is not set. */
const KEY_SETTING = "signing_key";
/** A token in a URL: a bound on the work done before the signature check. */
const MAX_TOKEN_LENGTH = 1024;

/**
 * Signs and verifies expiring tokens for links in mails: `base64url(payload).base64url(mac)`, the
 * MAC being HMAC-SHA256 over the purpose and the payload, compared in constant time. The payload
 * (subject, issued, expires, in milliseconds) is readable by whoever holds the link; it holds nothing
 * secret. The same key, through `derive`, signs the ALTCHA challenges.
 */
export class Signer {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new Error("a signing key needs at least 32 bytes");
  }

  sign(purpose: TokenPurpose, subject: string, ttlSeconds: number, now = Date.now()): string {
    const claims = { s: subject, i: now, e: now + ttlSeconds * 1000 };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return `${payload}.${this.mac(purpose, payload)}`;
  }

  /** The token's subject; `link_invalid` when forged, altered or of another purpose, `link_expired` when old. */
  verify(purpose: TokenPurpose, token: string, now = Date.now()): VerifiedToken {
    const invalid = new AppError("link_invalid", "This link is not valid: it may have been cut or altered.");
    if (token.length > MAX_TOKEN_LENGTH) throw invalid;
    const [payload, mac, extra] = token.split(".");
    if (!payload || !mac || extra !== undefined) throw invalid;
    const expected = Buffer.from(this.mac(purpose, payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
    const claims = parseClaims(payload);
    if (!claims) throw invalid;
    if (claims.e <= now) throw new AppError("link_expired", "This link has expired.");
    return { subject: claims.s, issuedAt: new Date(claims.i), expiresAt: new Date(claims.e) };
  }

  /** A secret for another use of the same key (hex), independent of the tokens' MACs. */
  derive(label: string): string {
    return createHmac("sha256", this.key).update(`derive\n${label}`).digest("hex");
  }

  private mac(purpose: TokenPurpose, payload: string): string {
    return createHmac("sha256", this.key).update(`${purpose}\n${payload}`).digest("base64url");
  }
}

function parseClaims(payload: string): { s: string; i: number; e: number } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return null;
    const { s, i, e } = value as Record<string, unknown>;
    if (typeof s !== "string" || !Number.isInteger(i) || !Number.isInteger(e)) return null;
    return { s, i: i as number, e: e as number };
  } catch {
    return null;
  }
}

/**
 * The signing key: SECRET_KEY when set (hashed to 32 bytes), otherwise a random key created once
 * and kept in `settings`, so that every app instance on the same database signs alike. Two
 * instances booting at once both try the insert; the loser's is ignored and both read the winner's.
 */
export async function loadSigningKey(db: Kysely<DB>, secretKey: string | null): Promise<Buffer> {
  if (secretKey) return createHash("sha256").update(secretKey).digest();
  await db
    .insertInto("settings")
    .values({ key: KEY_SETTING, value: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", KEY_SETTING)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, "base64url");
}
