import { z } from "zod";
import { DomainError, RateLimitedError, ValidationError } from "@/lib/errors";
import { toSafeError } from "@/lib/safe-error";

/**
 * The one mapping from errors to HTTP. Anything but a DomainError answers 500 with its user-safe
 * message (lib/safe-error.ts): an internal error's reference is the request id, and its details
 * are logged under it.
 */
export function toErrorResponse(error: unknown, requestId: string): Response {
  if (error instanceof z.ZodError) error = zodToValidationError(error);
  if (error instanceof DomainError) {
    const headers: Record<string, string> = { "x-request-id": requestId };
    if (error instanceof RateLimitedError) Object.assign(headers, rateLimitHeaders(error));
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }, requestId },
      { status: error.status, headers },
    );
  }
  const { message } = toSafeError(error, { requestId }, requestId);
  return Response.json(
    { error: { code: "internal", message }, requestId },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}

/** Retry-After, plus the RateLimit-* fields (IETF draft) when the limit is known. */
function rateLimitHeaders(error: RateLimitedError): Record<string, string> {
  const reset = String(error.retryAfterSeconds);
  if (error.limit === undefined) return { "retry-after": reset };
  return { "retry-after": reset, "ratelimit-limit": String(error.limit), "ratelimit-remaining": "0", "ratelimit-reset": reset };
}

export function zodToValidationError(error: z.ZodError, where = "input"): ValidationError {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  return new ValidationError(
    `Invalid ${where}${first ? `: ${first.path ? `${first.path}: ` : ""}${first.message}` : ""}`,
    { issues },
  );
}
