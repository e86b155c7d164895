import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listKeys, POST as createKey } from "@/app/api/v1/tenant/api-keys/route";
import { DELETE as revokeKey } from "@/app/api/v1/tenant/api-keys/[id]/route";
import { GET as listConnections, POST as createConnection } from "@/app/api/v1/aam/connections/route";
import { GET as getConnection } from "@/app/api/v1/aam/connections/[id]/route";
import { POST as addMember, GET as listMembers } from "@/app/api/v1/tenant/members/route";
import { POST as sendVerification } from "@/app/api/v1/me/email/send-verification/route";
import { GET as me } from "@/app/api/v1/me/route";
import { getDb } from "@/lib/db";
import { DELETE as removeMember, PATCH as changeRole } from "@/app/api/v1/tenant/members/[userId]/route";
import { createAccount, joinTenant, type TestAccount } from "../support/accounts";
import { createConnectionVia } from "../support/aam";
import { inspectDb, scopedDb } from "../support/db";
import { call, uniqueEmail } from "../support/http";

/**
 * API keys: made by owners and admins, shown once, stored hashed, bounded by their scopes and by
 * their creator's role, refused at once when revoked or expired, never outside their tenant.
 */
type Created = { key: string; apiKey: { id: string; prefix: string; scopes: string[]; status: string } };

async function newKey(token: string, body: Record<string, unknown>): Promise<Created> {
  const res = await call(createKey, "POST", "/api/v1/tenant/api-keys", { token, body });
  if (res.status !== 201) throw new Error(`create key: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

const readConnections = (token: string) => call(listConnections, "GET", "/api/v1/aam/connections", { token });
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

let owner: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  owner = await createAccount({ label: "keys-owner" });
  other = await createAccount({ label: "keys-other" });
}, 60_000);

describe("API keys", () => {
  it("work on reads within their scopes, are refused writes beyond them, and stop at once when revoked", async () => {
    const { key, apiKey } = await newKey(owner.token, { name: "Nightly export", scopes: ["aam:read"] });
    expect(key).toMatch(new RegExp(`^aos_${apiKey.prefix}_[a-z2-7]{52}$`));
    expect(apiKey).toMatchObject({ scopes: ["aam:read"], status: "active" });

    expect((await readConnections(key)).status).toBe(200);
    const write = await call(createConnection, "POST", "/api/v1/aam/connections", {
      token: key,
      body: { name: "Nope", type: "file", config: {} },
    });
    expect(write.status).toBe(403);
    expect(write.json.error.message).toMatch(/API key lacks the scope aam:write/);
    // Managing keys needs settings:write, which this key lacks.
    expect((await call(listKeys, "GET", "/x", { token: key })).status).toBe(403);

    expect((await call(revokeKey, "DELETE", "/x", { token: owner.token, params: { id: apiKey.id } })).status).toBe(204);
    const after = await readConnections(key);
    expect(after.status).toBe(401);
    expect(after.json.error.message).toMatch(/revoked/);
    // Revoking again changes nothing.
    expect((await call(revokeKey, "DELETE", "/x", { token: owner.token, params: { id: apiKey.id } })).status).toBe(204);
    const listed = (await call(listKeys, "GET", "/x", { token: owner.token })).json.apiKeys as { id: string; status: string }[];
    expect(listed.find((k) => k.id === apiKey.id)?.status).toBe("revoked");
  });

  it("stop at once when they expire", async () => {
    const { key, apiKey } = await newKey(owner.token, { name: "Short-lived", scopes: ["aam:read"], expiresAt: inAnHour() });
    expect((await readConnections(key)).status).toBe(200);
    const db = await scopedDb(owner.tenantId);
    await db.apiKey.updateMany({ where: { id: apiKey.id, tenantId: owner.tenantId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const res = await readConnections(key);
    expect(res.status).toBe(401);
    expect(res.json.error.message).toMatch(/expired/);
  });

  it("refuse a malformed key and a wrong secret alike, without saying which part was wrong", async () => {
    const { key } = await newKey(owner.token, { name: "Guessable?", scopes: ["aam:read"] });
    const wrongSecret = key.replace(/.$/, (c) => (c === "a" ? "b" : "a"));
    const res = await readConnections(wrongSecret);
    expect(res.status).toBe(401);
    expect(res.json.error.message).toBe("Invalid API key");
    expect((await readConnections("aos_nonsense")).status).toBe(401);
    expect((await readConnections(`aos_zzzzzzzz_${"a".repeat(52)}`)).json.error.message).toBe("Invalid API key");
  });

  it("never reach another tenant", async () => {
    const theirs = await createConnectionVia(other.token, { name: "Their books", type: "file", config: {} });
    const theirKey = await newKey(other.token, { name: "Theirs", scopes: ["aam:read"] });
    const { key } = await newKey(owner.token, { name: "Ours", scopes: ["aam:read", "settings:write"] });

    expect((await call(getConnection, "GET", "/x", { token: key, params: { id: theirs.id } })).status).toBe(404);
    const ours = await readConnections(key);
    expect(JSON.stringify(ours.json)).not.toContain(theirs.id);
    expect((await call(revokeKey, "DELETE", "/x", { token: key, params: { id: theirKey.apiKey.id } })).status).toBe(404);
    const listed = (await call(listKeys, "GET", "/x", { token: key })).json.apiKeys as { id: string }[];
    expect(listed.map((k) => k.id)).not.toContain(theirKey.apiKey.id);
    // Their key still works: nothing of ours touched it.
    expect((await readConnections(theirKey.key)).status).toBe(200);
  });

  it("are shown once and stored as the hash of their secret", async () => {
    const { key, apiKey } = await newKey(owner.token, { name: "Shown once", scopes: ["tasks:read"] });
    const list = await call(listKeys, "GET", "/x", { token: owner.token });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).not.toContain(key);
    expect(JSON.stringify(list.json)).not.toContain(key.split("_")[2]);
    const listed = (list.json.apiKeys as Record<string, unknown>[]).find((k) => k.id === apiKey.id)!;
    expect(Object.keys(listed).sort()).toEqual([
      "createdAt",
      "createdBy",
      "expiresAt",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "revokedAt",
      "scopes",
      "status",
    ]);

    const [row] = await (await inspectDb()).$queryRaw<Record<string, unknown>[]>`SELECT * FROM api_keys WHERE id = ${apiKey.id}::uuid`;
    expect(row!.hash).toBe(createHash("sha256").update(key.split("_")[2]!).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(key.split("_")[2]);
  });

  it("expire in 90 days unless told otherwise, and record their last use", async () => {
    const { key, apiKey } = await newKey(owner.token, { name: "Defaults", scopes: ["aam:read"] });
    const listed = async () =>
      (
        (await call(listKeys, "GET", "/x", { token: owner.token })).json.apiKeys as {
          id: string;
          expiresAt: string;
          lastUsedAt: string | null;
        }[]
      ).find((k) => k.id === apiKey.id)!;
    const before = await listed();
    expect(Math.round((Date.parse(before.expiresAt) - Date.now()) / 86_400_000)).toBe(90);
    expect(before.lastUsedAt).toBeNull();
    await readConnections(key);
    const used = (await listed()).lastUsedAt;
    expect(used).not.toBeNull();
    // Written at most once a minute.
    await readConnections(key);
    expect((await listed()).lastUsedAt).toBe(used);
  });

  it("refuse bad input with 422 and a message", async () => {
    const attempt = (body: Record<string, unknown>) => call(createKey, "POST", "/x", { token: owner.token, body });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: "x", scopes: ["aam:destroy"] }, /scopes/],
      [{ name: "x", scopes: [] }, /at least one scope/],
      [{ name: "   ", scopes: ["aam:read"] }, /name: is required/],
      [{ name: "x".repeat(101), scopes: ["aam:read"] }, /at most 100 characters/],
      [{ name: "x", scopes: ["aam:read"], expiresAt: new Date(Date.now() - 60_000).toISOString() }, /in the future/],
      [{ name: "x", scopes: ["aam:read"], expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() }, /at most 365 days/],
      [{ name: "x", scopes: ["aam:read"], expiresAt: "next tuesday" }, /date-time/],
    ];
    for (const [body, message] of cases) {
      const res = await attempt(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.message).toMatch(message);
    }
  });

  it("are made only by owners and admins, never with a scope beyond the creator's role, and never by a key", async () => {
    const member = await createAccount({ label: "keys-member" });
    const memberToken = await joinTenant(owner, member, "member");
    const admin = await createAccount({ label: "keys-admin" });
    const adminToken = await joinTenant(owner, admin, "admin");

    const byMember = await call(createKey, "POST", "/x", { token: memberToken, body: { name: "Mine", scopes: ["aam:read"] } });
    expect(byMember.status).toBe(403);
    expect((await call(listKeys, "GET", "/x", { token: memberToken })).status).toBe(403);

    const beyond = await call(createKey, "POST", "/x", {
      token: adminToken,
      body: { name: "Too much", scopes: ["aam:read", "members:admin"] },
    });
    expect(beyond.status).toBe(403);
    expect(beyond.json.error.message).toMatch(/members:admin/);
    const { key } = await newKey(adminToken, { name: "Admin's", scopes: ["settings:write", "aam:read"] });

    const byKey = await call(createKey, "POST", "/x", { token: key, body: { name: "Offspring", scopes: ["aam:read"] } });
    expect(byKey.status).toBe(403);
    expect(byKey.json.error.message).toMatch(/cannot create API keys/);
  });

  it("lose what their creator loses: a demotion narrows them, leaving the tenant stops them", async () => {
    const admin = await createAccount({ label: "keys-leaver" });
    const adminToken = await joinTenant(owner, admin, "admin");
    const { key } = await newKey(adminToken, { name: "Leaver's", scopes: ["settings:write", "aam:read"] });
    expect((await call(listKeys, "GET", "/x", { token: key })).status).toBe(200);

    await call(changeRole, "PATCH", "/x", { token: owner.token, params: { userId: admin.userId }, body: { role: "viewer" } });
    const narrowed = await call(listKeys, "GET", "/x", { token: key });
    expect(narrowed.status).toBe(403);
    expect(narrowed.json.error.message).toMatch(/now a viewer/);
    expect((await readConnections(key)).status).toBe(200);

    expect((await call(removeMember, "DELETE", "/x", { token: owner.token, params: { userId: admin.userId } })).status).toBe(204);
    const stopped = await readConnections(key);
    expect(stopped.status).toBe(401);
    expect(stopped.json.error.message).toMatch(/left the workspace/);
  });

  it("never invite, promote or remove members: access a key granted would outlive the key", async () => {
    const { key } = await newKey(owner.token, { name: "Onboarding", scopes: ["members:read", "members:write"] });
    const invited = await call(addMember, "POST", "/x", { token: key, body: { email: uniqueEmail("via-key"), role: "member" } });
    expect([invited.status, invited.json.detail]).toEqual([403, expect.stringContaining("an API key cannot")]);
    expect((await call(listMembers, "GET", "/x", { token: key })).status).toBe(200);
  });

  it("never act on a person's own account (/me): keys act for a workspace", async () => {
    const admin = await createAccount({ label: "keys-two-homes" });
    const adminToken = await joinTenant(owner, admin, "admin");
    const { key } = await newKey(adminToken, { name: "Scoped", scopes: ["tenant:read", "aam:read"] });
    const res = await call(me, "GET", "/x", { token: key });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain("an API key cannot");
    const verify = await call(sendVerification, "POST", "/x", { token: key });
    expect(verify.status).toBe(403);
    // The person's own token still reads both workspaces.
    expect((await call(me, "GET", "/x", { token: adminToken })).json.tenants).toHaveLength(2);
  });

  it("are invisible to the app role outside a tenant scope, except one prefix at a time through the lookup", async () => {
    const { apiKey } = await newKey(owner.token, { name: "Row-level", scopes: ["aam:read"] });
    const unscoped = await getDb();
    expect(await unscoped.apiKey.findMany({ where: { id: apiKey.id } })).toEqual([]);
    const found = await unscoped.$queryRaw<{ id: string; tenant_id: string }[]>`SELECT id, tenant_id FROM api_key_lookup(${apiKey.prefix})`;
    expect(found).toEqual([{ id: apiKey.id, tenant_id: owner.tenantId }]);
    // Another tenant's scope sees nothing of it either.
    expect(await (await scopedDb(other.tenantId)).apiKey.findMany({ where: { id: apiKey.id } })).toEqual([]);
  });
});
