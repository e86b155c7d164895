import { describe, expect, it, vi } from "vitest";
import { SignJWT } from "jose";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as addMember } from "@/app/api/v1/tenant/members/route";
import { PATCH as changeRole } from "@/app/api/v1/tenant/members/[userId]/route";
import { issueApiToken } from "@/lib/auth/api-token";
import { createAccount, joinTenant, signIn } from "../support/accounts";
import { call, uniqueEmail } from "../support/http";

describe("authentication", () => {
  it("exchanges email and password for a bearer token that identifies user and tenant", async () => {
    const a = await createAccount({ label: "alice" });
    const res = await call(me, "GET", "/api/v1/me", { token: a.token });
    expect(res.status).toBe(200);
    expect(res.json.user.email).toBe(a.email);
    expect(res.json.tenant.id).toBe(a.tenantId);
    expect(res.json.role).toBe("owner");
  });

  it("treats email case-insensitively", async () => {
    const a = await createAccount({ label: "casey" });
    expect(await signIn(a.email.toUpperCase(), a.password)).toBeTruthy();
  });

  it("answers a wrong password and an unknown user identically", async () => {
    const a = await createAccount({ label: "bob" });
    const wrong = await call(token, "POST", "/api/v1/auth/token", { body: { email: a.email, password: "not the password" } });
    const unknown = await call(token, "POST", "/api/v1/auth/token", { body: { email: uniqueEmail("ghost"), password: "whatever123" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.error).toEqual(unknown.json.error);
  });

  it("rejects a missing, malformed, forged or expired token", async () => {
    const a = await createAccount({ label: "carol" });
    expect((await call(me, "GET", "/api/v1/me")).status).toBe(401);
    expect((await call(me, "GET", "/api/v1/me", { headers: { authorization: "Token abc" } })).status).toBe(401);
    expect((await call(me, "GET", "/api/v1/me", { token: "not.a.jwt" })).status).toBe(401);
    expect((await call(me, "GET", "/api/v1/me", { headers: { cookie: "next-auth.session-token=%E0%A4%A" } })).status).toBe(401);
    expect((await call(me, "GET", "/api/v1/me", { headers: { cookie: "next-auth.session-token=garbage" } })).status).toBe(401);

    const forged = await new SignJWT({ tid: a.tenantId })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(a.userId)
      .setIssuer("autonomos")
      .setAudience("autonomos-api")
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode("some-other-secret-some-other-secret"));
    const forgedRes = await call(me, "GET", "/api/v1/me", { token: forged });
    expect(forgedRes.status).toBe(401);

    const { token: expired } = await issueApiToken({ userId: a.userId, tenantId: a.tenantId }, -30);
    const expiredRes = await call(me, "GET", "/api/v1/me", { token: expired });
    expect(expiredRes.status).toBe(401);
    expect(expiredRes.json.error.message).toMatch(/expired/i);
  });

  it("rejects a valid token whose tenant membership was removed", async () => {
    const a = await createAccount({ label: "dan" });
    const b = await createAccount({ label: "erin" });
    const { token: cross } = await issueApiToken({ userId: b.userId, tenantId: a.tenantId }, 60);
    expect((await call(me, "GET", "/api/v1/me", { token: cross })).status).toBe(401);
  });

  it("delays sign-ins after ten failures instead of locking the owner out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const owner = await createAccount({ label: "frank" });
      const attacker = { "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` };
      const attempt = (password: string, headers: Record<string, string>) =>
        call(token, "POST", "/api/v1/auth/token", { body: { email: owner.email, password }, headers });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await attempt("wrong-password", attacker)).status);
      expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);

      // The owner, from their own address, is not delayed by the attacker's failures.
      expect((await attempt(owner.password, { "x-forwarded-for": "198.51.100.9" })).status).toBe(200);
      // From the attacker's address (a shared NAT), the right password waits out the delay, then works.
      const waiting = await attempt(owner.password, attacker);
      expect(waiting.status).toBe(429);
      expect(waiting.json.error.message).toMatch(/^Too many failed sign-ins; try again in \d+ s$/);
      vi.setSystemTime(Date.now() + Number(waiting.headers.get("retry-after")) * 1000);
      expect((await attempt(owner.password, attacker)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("rate limits registrations from one client address", async () => {
    const headers = { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250)}-${Date.now()}` };
    const attempt = () =>
      call(register, "POST", "/x", { headers, body: { email: uniqueEmail("burst"), password: "long enough", name: "B", tenantName: "B" } });
    for (let i = 0; i < 20; i++) expect((await attempt()).status).toBe(202);
    const limited = await attempt();
    expect(limited.status).toBe(429);
  });
});

describe("roles", () => {
  it("lets an owner add members, and stops a viewer from changing anything", async () => {
    const owner = await createAccount({ label: "owner" });
    const viewer = await createAccount({ label: "viewer" });
    const viewerInOwnersTenant = await joinTenant(owner, viewer, "viewer");
    expect((await call(me, "GET", "/api/v1/me", { token: viewerInOwnersTenant })).json.role).toBe("viewer");

    const denied = await call(addMember, "POST", "/api/v1/tenant/members", {
      token: viewerInOwnersTenant,
      body: { email: uniqueEmail(), role: "member" },
    });
    expect(denied.status).toBe(403);
    const selfPromote = await call(changeRole, "PATCH", "/x", {
      token: viewerInOwnersTenant,
      params: { userId: viewer.userId },
      body: { role: "owner" },
    });
    expect(selfPromote.status).toBe(403);
  });

  it("keeps at least one owner", async () => {
    const owner = await createAccount({ label: "solo" });
    const res = await call(changeRole, "PATCH", "/x", { token: owner.token, params: { userId: owner.userId }, body: { role: "member" } });
    expect(res.status).toBe(409);
  });
});
