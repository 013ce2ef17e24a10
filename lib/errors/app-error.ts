// One error type for the whole server, below the HTTP layer: services, jobs and
// auth throw it without knowing about routes. The route wrapper (lib/http/handle.ts)
// turns it into { "error": { "code", "message", "field"?, "details"? } } with the
// status below and the error's headers (Retry-After, Allow…).

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  /** A cookie-authenticated write from another origin (CSRF). */
  cross_origin: 403,
  /** A cookie-authenticated write whose body is not declared as application/json. */
  json_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** A stored provider key the studio can no longer open (its encryption key changed): re-enter it. */
  key_unreadable: 409,
  /** Same Idempotency-Key, different request. */
  idempotency_mismatch: 422,
  payload_too_large: 413,
  validation: 422,
  rate_limited: 429,
  internal: 500,
  upstream: 502,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { field?: string; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** Response headers that go with the error (e.g. Retry-After on 429, Allow on 405). */
  get headers(): Record<string, string> {
    return this.options.headers ?? {};
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.options.field ? { field: this.options.field } : {}),
        ...(this.options.details !== undefined ? { details: this.options.details } : {}),
      },
    };
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
