import { STATUS_CODES } from "node:http";
import { z } from "zod";

/**
 * RFC 9457 problem details, the body of every error the REST API answers (`application/problem+json`):
 * `type` names the kind of problem (`urn:autonomos:problem:<code>`), `title` is its status phrase,
 * `detail` says what went wrong for this request, `requestId` is what to quote when reporting it,
 * and `errors` lists each invalid input. `code` is the same kind as a short string. `error` repeats
 * `code`, `detail` and `details` in the shape the API answered before problem details (deprecated).
 */
export const Problem = z
  .object({
    type: z
      .string()
      .meta({ description: "The kind of problem: `urn:autonomos:problem:<code>`", examples: ["urn:autonomos:problem:validation_failed"] }),
    title: z.string().meta({ description: "The status's phrase", examples: ["Unprocessable Entity"] }),
    status: z
      .number()
      .int()
      .meta({ examples: [422] }),
    detail: z.string().meta({
      description: "What went wrong for this request, safe to show a person",
      examples: ["Invalid request body: name: Too small: expected string to have >=1 characters"],
    }),
    requestId: z.string().meta({ description: "Also in the x-request-id header; quote it when reporting a problem" }),
    code: z
      .string()
      .meta({ description: "The kind of problem as a short string", examples: ["validation_failed", "not_found", "rate_limited"] }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "Each invalid input (validation problems only)" }),
    error: z
      .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
      .meta({ deprecated: true, description: "The shape errors had before problem details: `code`, `detail` as `message`, and `details`" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problem({
  status,
  code,
  detail,
  requestId,
  details,
}: {
  status: number;
  code: string;
  detail: string;
  requestId: string;
  details?: unknown;
}): Problem {
  const errors = validationIssues(details);
  return {
    type: `urn:autonomos:problem:${code}`,
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail,
    requestId,
    code,
    ...(errors ? { errors } : {}),
    error: { code, message: detail, ...(details === undefined ? {} : { details }) },
  };
}

function validationIssues(details: unknown): Problem["errors"] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map((i: { path?: unknown; message?: unknown }) => ({ path: String(i.path ?? ""), message: String(i.message ?? "") }));
}
