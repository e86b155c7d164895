import { describe, expect, it, vi } from "vitest";

// Small budgets, set before lib/env is loaded (every import below is dynamic for that reason).
process.env.AOS_RATE_LIMIT_LLM = "2";
process.env.AOS_RATE_LIMIT_PROBE = "2";
process.env.AOS_RATE_LIMIT_REBUILD = "2";
process.env.AOS_RATE_LIMIT_SYNC = "2";
process.env.AOS_RATE_LIMIT_UPLOAD = "2";

// Server actions read the session cookie; here the signed-in caller is the account whose bearer token is set.
const session = vi.hoisted(() => ({ token: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/auth/request-auth", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/request-auth")>();
  return {
    ...real,
    resolvePageContext: (_cookie: string, db: Parameters<typeof real.resolveTenantContext>[1]) =>
      real.resolveTenantContext(new Request("http://localhost/", { headers: { authorization: `Bearer ${session.token}` } }), db),
  };
});

const { POST: suggestRoute } = await import("@/app/api/v1/dcl/mappings/suggest/route");
const { POST: checkRoute } = await import("@/app/api/v1/aam/connections/[id]/check/route");
const { POST: connectRoute } = await import("@/app/api/v1/dcl/connect/route");
const { POST: createTaskRoute } = await import("@/app/api/v1/tasks/route");
const { POST: syncRoute } = await import("@/app/api/v1/aam/connections/[id]/sync/route");
const { POST: uploadRoute } = await import("@/app/api/v1/aam/connections/[id]/files/route");
const { checkConnectionAction } = await import("@/app/(app)/connections/actions");
const { createAccount, joinTenant } = await import("../support/accounts");
const { createConnectionVia } = await import("../support/aam");
const { call } = await import("../support/http");

const TABLE = { source: "crm", table: "accounts", fields: [{ name: "account_name", samples: ["Acme"] }] };

type Call = (token: string) => ReturnType<typeof call>;

/** Spends the budget of 2 as `a` (each call answering `ok`), expects the third refused with the rate-limit headers, and `b` untouched. */
async function expectBudget(request: Call, a: string, b: string, ok = 200) {
  for (let i = 0; i < 2; i++) expect((await request(a)).status).toBe(ok);
  const refused = await request(a);
  expect(refused.status).toBe(429);
  expect(refused.json.error.code).toBe("rate_limited");
  expect(refused.json.error.message).toMatch(/may run 2 .* a minute; try again in \d+ s/);
  const retryAfter = Number(refused.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.headers.get("ratelimit-limit")).toBe("2");
  expect(refused.headers.get("ratelimit-remaining")).toBe("0");
  expect(refused.headers.get("ratelimit-reset")).toBe(String(retryAfter));
  expect((await request(b)).status).toBe(ok);
}

/** An upload connection per account, by token. */
async function uploadConnections(...accounts: { token: string }[]) {
  const ids = new Map<string, string>();
  for (const acct of accounts)
    ids.set(acct.token, (await createConnectionVia(acct.token, { name: "Uploads", type: "file", config: { source: "upload" } })).id);
  return ids;
}

describe("per-tenant rate limits", () => {
  it("limits mapping suggestions per tenant with 429 and Retry-After", async () => {
    const [a, b] = await Promise.all([createAccount({ label: "rl-suggest-a" }), createAccount({ label: "rl-suggest-b" })]);
    await expectBudget((token) => call(suggestRoute, "POST", "/api/v1/dcl/mappings/suggest", { token, body: TABLE }), a.token, b.token);
  });

  it("limits source checks per tenant, and the UI's check action spends the same budget", async () => {
    const [a, b] = await Promise.all([createAccount({ label: "rl-check-a" }), createAccount({ label: "rl-check-b" })]);
    const ids = await uploadConnections(a, b);
    const check: Call = (token) => call(checkRoute, "POST", "/x", { token, params: { id: ids.get(token)! } });
    await expectBudget(check, a.token, b.token);

    session.token = a.token;
    const action = await checkConnectionAction({ id: ids.get(a.token)! });
    expect(action).toEqual({ ok: false, error: expect.stringMatching(/may run 2 source checks and discoveries a minute/) });
    session.token = b.token;
    expect(await checkConnectionAction({ id: ids.get(b.token)! })).toMatchObject({ ok: true });
  });

  it("limits connect (a rebuild) per tenant, and a rebuild task created by hand spends the same budget", async () => {
    const [a, b] = await Promise.all([createAccount({ label: "rl-connect-a" }), createAccount({ label: "rl-connect-b" })]);
    await expectBudget((token) => call(connectRoute, "POST", "/api/v1/dcl/connect", { token }), a.token, b.token);
    const task = await call(createTaskRoute, "POST", "/api/v1/tasks", { token: a.token, body: { type: "dcl.rebuild", input: {} } });
    expect(task.status).toBe(429);
  });

  it("limits sync requests and uploads per tenant", async () => {
    const [a, b] = await Promise.all([createAccount({ label: "rl-sync-a" }), createAccount({ label: "rl-sync-b" })]);
    const ids = await uploadConnections(a, b);
    await expectBudget((token) => call(syncRoute, "POST", "/x", { token, params: { id: ids.get(token)! } }), a.token, b.token, 202);
    const upload: Call = (token) =>
      call(uploadRoute, "POST", "/x?name=people.csv", {
        token,
        params: { id: ids.get(token)! },
        rawBody: "id\n1\n",
        headers: { "content-type": "text/csv" },
      });
    await expectBudget(upload, a.token, b.token, 201);
  });

  it("charges a language-model task created by hand to the llm budget", async () => {
    const a = await createAccount({ label: "rl-llm-task" });
    for (let i = 0; i < 2; i++) expect((await call(suggestRoute, "POST", "/x", { token: a.token, body: TABLE })).status).toBe(200);
    const task = await call(createTaskRoute, "POST", "/api/v1/tasks", {
      token: a.token,
      body: { type: "kb.ingest", input: { documentIds: [crypto.randomUUID()] } },
    });
    expect(task.status).toBe(429);
  });

  it("does not count a request refused for bad input", async () => {
    const a = await createAccount({ label: "rl-invalid" });
    for (let i = 0; i < 3; i++) expect((await call(suggestRoute, "POST", "/x", { token: a.token, body: { table: "t" } })).status).toBe(422);
    expect((await call(suggestRoute, "POST", "/x", { token: a.token, body: TABLE })).status).toBe(200);
  });
});

describe("mapping suggestions", () => {
  it("require member: a viewer gets 403", async () => {
    const owner = await createAccount({ label: "suggest-owner" });
    const viewer = await createAccount({ label: "suggest-viewer" });
    const token = await joinTenant(owner, viewer, "viewer");
    const res = await call(suggestRoute, "POST", "/api/v1/dcl/mappings/suggest", { token, body: TABLE });
    expect(res.status).toBe(403);
    expect((await call(suggestRoute, "POST", "/api/v1/dcl/mappings/suggest", { token: owner.token, body: TABLE })).status).toBe(200);
  });
});
