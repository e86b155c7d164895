import { z } from "zod";
import { DomainError, RateLimitedError, ValidationError } from "@/lib/errors";
import { problem, PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { rateLimitHeaders } from "@/lib/kv/rate-limit";
import { toSafeError } from "@/lib/safe-error";

/**
 * The one mapping from errors to HTTP, as RFC 9457 problem details (lib/http/problem.ts). Anything
 * but a DomainError answers 500 with its user-safe message (lib/safe-error.ts): an internal error's
 * reference is the request id, and its details are logged under it.
 */
export function toErrorResponse(error: unknown, requestId: string): Response {
  if (error instanceof z.ZodError) error = zodToValidationError(error);
  const headers: Record<string, string> = { "x-request-id": requestId, "content-type": PROBLEM_CONTENT_TYPE };
  if (error instanceof DomainError) {
    if (error instanceof RateLimitedError) Object.assign(headers, refusalHeaders(error));
    const body = problem({ status: error.status, code: error.code, detail: error.message, requestId, details: error.details });
    return Response.json(body, { status: error.status, headers });
  }
  const { message } = toSafeError(error, { requestId }, requestId);
  return Response.json(problem({ status: 500, code: "internal", detail: message, requestId }), { status: 500, headers });
}

/** Retry-After, plus the RateLimit-* fields when the limit is known. */
function refusalHeaders(error: RateLimitedError): Record<string, string> {
  const retryAfter = { "retry-after": String(error.retryAfterSeconds) };
  if (error.limit === undefined) return retryAfter;
  return { ...retryAfter, ...rateLimitHeaders({ limit: error.limit, remaining: 0, resetSeconds: error.retryAfterSeconds }) };
}

export function zodToValidationError(error: z.ZodError, where = "input"): ValidationError {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const first = issues[0];
  return new ValidationError(`Invalid ${where}${first ? `: ${first.path ? `${first.path}: ` : ""}${first.message}` : ""}`, { issues });
}
