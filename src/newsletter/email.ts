import { z } from "zod";
import { AppError } from "../errors.js";

/** RFC 5321 caps a forward path at 256 octets including the angle brackets: 254 for the address. */
export const MAX_EMAIL_LENGTH = 254;

const emailShape = z.email();

/**
 * A subscriber's address as stored: trimmed, lower-cased (so "Ana@X.org" and "ana@x.org" are one
 * subscriber; in practice no provider treats the local part case-sensitively), and validated
 * before anything is written.
 */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH || !emailShape.safeParse(email).success) {
    throw new AppError(
      "invalid_email",
      "That does not look like an e-mail address: please check it.",
      "email",
    );
  }
  return email;
}
