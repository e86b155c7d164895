import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError, type ApiClient, createApiClient, unwrap } from "@/lib/api/client";
import { SERVED_DOCUMENT } from "@/lib/http/openapi/served";
import { checkContract } from "../support/contract";
import { fromClient, uniqueEmail } from "../support/http";

/**
 * The typed client the browser uses (lib/api/client.ts), driven against the real route handlers:
 * its `fetch` hands each request to the handler of the documented path it names, as Next.js would
 * route it, so what the client builds (paths, query strings, bodies) and what it reads back are
 * both the real thing. Every answer is also checked against the route's contract.
 */
const APP_DIR = path.resolve(import.meta.dirname, "../../app");
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The document's path templates as patterns; literal paths win over templated ones (`/x/new` before `/x/{id}`). */
const ROUTES = Object.keys((JSON.parse(readFileSync(SERVED_DOCUMENT, "utf8")) as { paths: object }).paths)
  .map((template) => {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const literal = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
    return { template, names, pattern: new RegExp(`^${literal.join("([^/]+)")}$`) };
  })
  .sort((a, b) => a.names.length - b.names.length);

async function routeFetch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const route = ROUTES.find((r) => r.pattern.test(pathname));
  if (!route) return new Response(null, { status: 404 });
  const values = route.pattern.exec(pathname)!.slice(1).map(decodeURIComponent);
  const file = path.join(APP_DIR, route.template.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
  const handler = ((await import(pathToFileURL(file).href)) as Record<string, Handler | undefined>)[request.method];
  if (!handler) return new Response(null, { status: 405 });
  const res = await handler(new NextRequest(request), {
    params: Promise.resolve(Object.fromEntries(route.names.map((n, i) => [n, values[i]]))),
  });
  const text = await res.clone().text();
  const json = res.headers.get("content-type")?.includes("json") && text ? JSON.parse(text) : text;
  checkContract(handler, { status: res.status, json, headers: res.headers }, `${request.method} ${pathname}`);
  return res;
}

const clientWith = (headers: Record<string, string> = {}): ApiClient =>
  createApiClient({ baseUrl: "http://localhost:3000", fetch: routeFetch, headers });

let registered: { message: string };
let owner: ApiClient;

/** Signs up and in the way the register form and an integrator do, through the client. */
beforeAll(async () => {
  const visitor = clientWith(fromClient());
  const email = uniqueEmail("client");
  const password = "correct horse battery staple";
  registered = await unwrap(
    visitor.POST("/api/v1/auth/register", { body: { name: "Client User", email, password, tenantName: "Client Inc" } }),
  );
  const { token } = await unwrap(visitor.POST("/api/v1/auth/token", { body: { email, password } }));
  owner = clientWith({ authorization: `Bearer ${token}` });
}, 120_000);

describe("the typed API client", () => {
  it("creates, lists page by page and revokes API keys, reading the documented answers", async () => {
    expect(registered.message).toMatch(/email/i);
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const first = await unwrap(
      owner.POST("/api/v1/tenant/api-keys", { body: { name: "Nightly export", scopes: ["aam:read"], expiresAt } }),
    );
    expect(first.key).toMatch(new RegExp(`^aos_${first.apiKey.prefix}_`));
    expect(first.apiKey).toMatchObject({ name: "Nightly export", scopes: ["aam:read"], status: "active" });
    const second = await unwrap(owner.POST("/api/v1/tenant/api-keys", { body: { name: "Dashboard", scopes: ["dcl:read"], expiresAt } }));

    // The query string is built from typed parameters: two pages of one key each, then the end.
    const page1 = await unwrap(owner.GET("/api/v1/tenant/api-keys", { params: { query: { limit: 1 } } }));
    expect(page1.apiKeys).toHaveLength(1);
    const page2 = await unwrap(owner.GET("/api/v1/tenant/api-keys", { params: { query: { limit: 1, cursor: page1.nextCursor! } } }));
    expect([...page1.apiKeys, ...page2.apiKeys].map((k) => k.id).sort()).toEqual([first.apiKey.id, second.apiKey.id].sort());
    expect(page2.nextCursor).toBeNull();

    // Revoking answers 204, no body; the list then shows the key revoked.
    expect(await unwrap(owner.DELETE("/api/v1/tenant/api-keys/{id}", { params: { path: { id: second.apiKey.id } } }))).toBeUndefined();
    const listed = await unwrap(owner.GET("/api/v1/tenant/api-keys"));
    expect(listed.apiKeys.find((k) => k.id === second.apiKey.id)?.status).toBe("revoked");
  });

  it("turns an error answer's problem details into an ApiError: the API's detail, the status, each invalid input", async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { key, apiKey } = await unwrap(
      owner.POST("/api/v1/tenant/api-keys", { body: { name: "Short-lived", scopes: ["aam:read"], expiresAt } }),
    );
    const withKey = clientWith({ authorization: `Bearer ${key}` });
    await unwrap(withKey.GET("/api/v1/aam/connections"));
    await unwrap(owner.DELETE("/api/v1/tenant/api-keys/{id}", { params: { path: { id: apiKey.id } } }));
    const refused = await unwrap(withKey.GET("/api/v1/aam/connections")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 401, message: expect.stringMatching(/revoked/), problem: { status: 401 } });

    const invalid = await unwrap(owner.POST("/api/v1/tenant/api-keys", { body: { name: " ", scopes: ["aam:read"] } })).catch(
      (e: unknown) => e,
    );
    expect(invalid).toBeInstanceOf(ApiError);
    const { status, message, problem } = invalid as ApiError;
    expect(status).toBe(422);
    expect(message).toBe(problem?.detail);
    expect(message).toMatch(/name/);
    expect(problem?.errors).toContainEqual(expect.objectContaining({ path: "name" }));
  });
});
