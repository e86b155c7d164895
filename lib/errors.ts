/**
 * Typed domain errors. Domain code throws these; `toErrorResponse` (lib/http) is the one mapper to HTTP.
 * `message` is safe to show a client; anything else goes to the log only.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "quota_exceeded"
  | "unavailable"
  | "source_error"
  | "llm_error";

/**
 * An error whose message was written for the person who caused it (no driver text, paths or
 * secrets), so it may be stored and shown. Any other error is internal: people see a reference and
 * the details go to the log (lib/safe-error.ts).
 */
export class UserFacingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class DomainError extends UserFacingError {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(400, "bad_request", message, details);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(422, "validation_failed", message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = "Authentication required") {
    super(401, "unauthorized", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do this") {
    super(403, "forbidden", message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = "Resource") {
    super(404, "not_found", `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", `Request body exceeds the limit of ${limitBytes} bytes`);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(message = "Expected Content-Type: application/json") {
    super(415, "unsupported_media_type", message);
  }
}

/** A budget is spent. `limit` (when known) is answered as RateLimit-Limit; `reason` says which budget. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  readonly limit?: number;
  constructor(retryAfterSeconds: number, { limit, reason }: { limit?: number; reason?: string } = {}) {
    super(429, "rate_limited", reason ? `${reason}; try again in ${retryAfterSeconds} s` : "Too many attempts, try again later");
    this.retryAfterSeconds = retryAfterSeconds;
    this.limit = limit;
  }
}

/** A stored-size quota would be exceeded. */
export class QuotaExceededError extends DomainError {
  constructor(message: string) {
    super(413, "quota_exceeded", message);
  }
}

export class UnavailableError extends DomainError {
  constructor(message: string) {
    super(503, "unavailable", message);
  }
}

/** A connected source failed or refused (unreachable, bad credentials, an error it answered). */
export class SourceError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(502, "source_error", message, details);
  }
}

export type LlmErrorKind = "timeout" | "invalid_output" | "provider_error";

const LLM_ERROR_MESSAGES: Record<LlmErrorKind, string> = {
  timeout: "The language model did not answer in time",
  invalid_output: "The language model's answer did not have the expected shape",
  provider_error: "The language model provider failed",
};

/** A language model call failed. The message names only the kind; the provider's own message goes nowhere (it may echo secrets). */
export class LlmError extends DomainError {
  readonly kind: LlmErrorKind;
  constructor(kind: LlmErrorKind) {
    super(502, "llm_error", LLM_ERROR_MESSAGES[kind], { kind });
    this.kind = kind;
  }
}
