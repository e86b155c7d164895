import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ConnectorError } from "@/lib/aam/connectors/types";
import { NotFoundError } from "@/lib/errors";
import { toErrorResponse, zodToValidationError } from "@/lib/http/errors";

afterEach(() => vi.restoreAllMocks());

describe("errors as HTTP answers", () => {
  it("answers an internal error with its reference only, and logs the details under that reference", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    const internal = new Error("Invalid `prisma.connection.findFirst()` invocation in /work/main/lib/aam/connections.ts:42:7");
    const res = toErrorResponse(internal, "req-123");
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("req-123");
    const body = await res.json();
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(body).toEqual({
      type: "urn:autonomos:problem:internal",
      title: "Internal Server Error",
      status: 500,
      detail: "Internal error, reference req-123",
      requestId: "req-123",
      code: "internal",
      error: { code: "internal", message: "Internal error, reference req-123" },
    });
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.reference === "req-123");
    expect(JSON.stringify(logged?.error)).toContain("prisma.connection.findFirst");
  });

  it("answers a domain error with its status and message, and a source's own error with its words", async () => {
    const missing = toErrorResponse(new NotFoundError("Connection"), "req-1");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    const source = toErrorResponse(new ConnectorError("unreachable", "Could not connect to the source."), "req-2");
    expect(source.status).toBe(500);
    expect((await source.json()).error.message).toBe("Could not connect to the source.");
  });

  it("answers RFC 9457 problem details, with each invalid input under errors", async () => {
    const res = toErrorResponse(
      zodToValidationError(
        z.object({ name: z.string().min(1), limit: z.number() }).safeParse({ name: "", limit: "x" }).error!,
        "request body",
      ),
      "req-9",
    );
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body).toMatchObject({
      type: "urn:autonomos:problem:validation_failed",
      title: "Unprocessable Entity",
      status: 422,
      code: "validation_failed",
      requestId: "req-9",
    });
    expect(body.detail).toMatch(/^Invalid request body: name: /);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(["name", "limit"]);
    expect(body.error.message).toBe(body.detail);
  });
});
