import { type Challenge, createChallenge, randomInt, type Solution, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";
import type { Signer } from "./signing.js";

/** The form field (and JSON property) that carries the widget's payload. */
export const ALTCHA_FIELD = "altcha";
/** A payload is a base64 JSON object of a few hundred bytes; refuse anything much larger unread. */
export const MAX_ALTCHA_PAYLOAD = 4000;
/** A reader may take a while to write a comment after the check ran in the background. */
const CHALLENGE_TTL_SECONDS = 30 * 60;
/** Bundled in the widget, verifiable in Node without native modules. */
const ALGORITHM = "PBKDF2/SHA-256";

export interface AltchaSettings {
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The counter the solver must reach is drawn from [maxCounter / 2, maxCounter]. */
  maxCounter: number;
}

const payloadShape = z.object({
  challenge: z.object({
    parameters: z.object({ nonce: z.string().regex(/^[0-9a-f]{1,64}$/), expiresAt: z.number().int() }),
    signature: z.string().max(200),
  }),
  solution: z.object({ counter: z.number().int().min(0), derivedKey: z.string().max(200) }),
});

/**
 * The self-hosted proof of work (ALTCHA, no third party). Challenges are signed with secrets derived
 * from the site's signing key, so any instance verifies what another issued. In deterministic mode
 * the server knows the key the solver must find and signs it too, so verifying costs one HMAC.
 * An accepted solution is recorded in `altcha_spent` until its challenge expires: a replay fails
 * on every instance.
 */
export class AltchaGuard {
  private readonly secret: string;
  private readonly keySecret: string;

  constructor(
    private readonly db: Kysely<DB>,
    signer: Signer,
    private readonly settings: AltchaSettings,
  ) {
    this.secret = signer.derive("altcha-challenge");
    this.keySecret = signer.derive("altcha-key");
  }

  async issue(now = Date.now()): Promise<Challenge> {
    const { cost, maxCounter } = this.settings;
    return createChallenge({
      algorithm: ALGORITHM,
      cost,
      counter: randomInt(maxCounter, Math.ceil(maxCounter / 2)),
      deriveKey,
      expiresAt: Math.floor(now / 1000) + CHALLENGE_TTL_SECONDS,
      hmacSignatureSecret: this.secret,
      hmacKeySignatureSecret: this.keySecret,
    });
  }

  /** Accept a payload once: `captcha_invalid` when missing, forged, unsolved, expired or already used. */
  async verify(payload: string | undefined, now = Date.now()): Promise<void> {
    const decoded = decodePayload(payload);
    if (!decoded) throw captchaInvalid("The spam check is missing or malformed.");
    const result = await verifySolution({
      challenge: decoded.challenge,
      solution: decoded.solution,
      deriveKey,
      hmacSignatureSecret: this.secret,
      hmacKeySignatureSecret: this.keySecret,
    });
    if (result.expired) throw captchaInvalid("The spam check expired: please run it again.");
    if (!result.verified) throw captchaInvalid("The spam check failed: please run it again.");
    const { nonce, expiresAt } = decoded.challenge.parameters;
    if (!(await this.spend(nonce, expiresAt ?? 0, now))) {
      throw captchaInvalid("This spam check was already used: please run it again.");
    }
  }

  /** Record the solution as used; false when it already was (possibly by another instance). */
  private async spend(nonce: string, expiresAtSeconds: number, now: number): Promise<boolean> {
    await this.db.deleteFrom("altcha_spent").where("expires_at", "<", new Date(now).toISOString()).execute();
    const result = await this.db
      .insertInto("altcha_spent")
      .values({ nonce, expires_at: new Date(expiresAtSeconds * 1000).toISOString() })
      .onConflict((oc) => oc.column("nonce").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
}

function captchaInvalid(message: string): AppError {
  return new AppError("captcha_invalid", message, ALTCHA_FIELD);
}

/** The widget's payload: base64 of `{challenge: {parameters, signature}, solution}`. */
function decodePayload(payload: string | undefined): { challenge: Challenge; solution: Solution } | null {
  if (!payload || payload.length > MAX_ALTCHA_PAYLOAD) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
    // Checked for shape, but passed on untouched: the signature covers the parameters as sent.
    if (!payloadShape.safeParse(value).success) return null;
    return value as { challenge: Challenge; solution: Solution };
  } catch {
    return null;
  }
}
