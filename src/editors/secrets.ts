import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../errors.js";

/** 32 random bytes, base64url: what a cookie or a link carries. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The shape of `newToken()`: anything else is refused before it reaches the database. */
export function isTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** What the database keeps of a token: its SHA-256, so a leaked table opens no session. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Length is the rule that matters (NIST SP 800-63B); the upper bound caps the hashing work. */
export function checkPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new AppError(
      "bad_input",
      `A password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`,
      "password",
    );
  }
}

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1: about 48 ms here). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/**
 * Check a password against a stored hash, or, when there is no hash (unknown e-mail, no password
 * yet, disabled account), against a dummy hash of the same cost, so that the answer takes as long
 * either way and its timing does not reveal whether an account exists.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hash(newToken());
    await verify(await dummy, password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
