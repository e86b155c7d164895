import { STATUS_CODES } from "node:http";

/**
 * RFC 9457 problem details, the body of every error the REST API answers (`application/problem+json`):
 * `type` names the kind of problem (`urn:autonomos:problem:<code>`), `title` is its status phrase,
 * `detail` says what went wrong for this request, `requestId` is what to quote when reporting it,
 * and `errors` lists each invalid input. `code` is the same kind as a short string. `error` repeats
 * `code`, `detail` and `details` in the shape the API answered before problem details (deprecated).
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  code: string;
  errors?: { path: string; message: string }[];
  error: { code: string; message: string; details?: unknown };
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problem({ status, code, detail, requestId, details }: { status: number; code: string; detail: string; requestId: string; details?: unknown }): Problem {
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
