import type { Settlement } from "./send-repository.js";

/**
 * What a failed SMTP attempt means for its recipient. The rule that matters: never send twice.
 * - The server replied 5xx: permanent (no such mailbox, refused): `failed`.
 * - The server replied 4xx: temporary (greylisting, mailbox busy): `retry` after a wait, until
 *   the attempts run out, then `failed`.
 * - No reply, and the failure came before anything was handed over (refused connection, DNS,
 *   TLS, login, a connect or greeting timeout): nothing reached the server, so `retry` is safe.
 * - No reply otherwise (the connection dropped or timed out mid-conversation, perhaps after the
 *   message was transmitted): the server may hold the mail. `uncertain`, for an admin to decide.
 */

/** Waits before the 2nd, 3rd, ... attempt after a temporary failure (ms); then the row is failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000] as const;

interface SmtpFailure {
  message?: string;
  responseCode?: number;
  code?: string;
  originalCode?: string;
  timeoutType?: string;
}

const NOTHING_SENT_CODES = new Set(["EDNS", "ETLS", "EAUTH", "ENOAUTH", "EPROXY", "ECONFIG", "EREQUIRETLS"]);
const NOTHING_SENT_SYSTEM = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const SETUP_TIMEOUTS = new Set(["CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT"]);

function nothingWasSent(failure: SmtpFailure): boolean {
  return (
    NOTHING_SENT_CODES.has(failure.code ?? "") ||
    NOTHING_SENT_SYSTEM.has(failure.originalCode ?? failure.code ?? "") ||
    SETUP_TIMEOUTS.has(failure.timeoutType ?? "")
  );
}

/** `attemptsBefore`: attempts made before this one. */
export function classifyFailure(
  error: unknown,
  attemptsBefore: number,
  retryDelaysMs: readonly number[],
  now: Date,
): Settlement {
  const failure = (typeof error === "object" && error !== null ? error : {}) as SmtpFailure;
  const message = failure.message || String(error);
  const code = failure.responseCode;
  if (typeof code === "number" && code >= 500) return { state: "failed", error: message };
  if ((typeof code === "number" && code >= 400) || nothingWasSent(failure)) {
    const wait = retryDelaysMs[attemptsBefore];
    if (wait === undefined)
      return { state: "failed", error: `${message} (after ${attemptsBefore + 1} attempts)` };
    return { state: "retry", nextAttemptAt: new Date(now.getTime() + wait), error: message };
  }
  return { state: "uncertain", error: `no reply from the SMTP server: ${message}` };
}
