/**
 * The one error type of the application: a stable machine code, an HTTP status, a message a
 * person understands, and the offending field when there is one. Tests assert the code.
 */
export type ErrorCode =
  | "bad_input"
  | "label_too_long"
  | "ingredient_not_found"
  | "file_not_found"
  | "unknown_format"
  | "invalid_json"
  | "invalid_config"
  | "corpus_invalid"
  | "not_found"
  | "too_large"
  | "too_many_requests"
  | "csrf_invalid"
  | "captcha_invalid"
  | "invalid_email"
  | "link_invalid"
  | "link_expired"
  | "unauthorized"
  | "forbidden"
  | "invalid_credentials"
  | "account_locked"
  | "editor_exists"
  | "stale_revision"
  | "nothing_to_publish"
  | "newsletter_busy"
  | "issue_locked"
  | "send_incomplete"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  bad_input: 400,
  label_too_long: 413,
  ingredient_not_found: 404,
  file_not_found: 404,
  unknown_format: 400,
  invalid_json: 400,
  invalid_config: 500,
  corpus_invalid: 500,
  not_found: 404,
  too_large: 413,
  too_many_requests: 429,
  csrf_invalid: 403,
  captcha_invalid: 400,
  invalid_email: 400,
  link_invalid: 400,
  link_expired: 410,
  unauthorized: 401,
  forbidden: 403,
  invalid_credentials: 401,
  account_locked: 429,
  editor_exists: 409,
  stale_revision: 409,
  nothing_to_publish: 400,
  newsletter_busy: 409,
  issue_locked: 409,
  send_incomplete: 409,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.field = field;
  }

  /** A problem with what the caller sent (exit code 1 in the CLI), as opposed to a bug (exit 2). */
  get isInputError(): boolean {
    return this.status < 500;
  }
}
