import { describe, expect, it } from "vitest";

// The app's public URL, set before lib/env is loaded (every import below is dynamic for that reason).
process.env.NEXTAUTH_URL = "https://aos.example.test";

const { POST: register } = await import("@/app/api/v1/auth/register/route");
const { POST: invite } = await import("@/app/api/v1/tenant/members/route");
const { createAccount } = await import("../support/accounts");
const { call, uniqueEmail } = await import("../support/http");
const { mailTo } = await import("../support/mail");

/** A request that names another host, as a forged Host header would make Next.js see it. */
const FORGED = "http://evil.example";

describe("links in mail", () => {
  it("point at NEXTAUTH_URL whatever host the request names, so a forged Host cannot receive a token", async () => {
    const email = uniqueEmail("mail-links");
    const registered = await call(register, "POST", `${FORGED}/api/v1/auth/register`, {
      body: { email, password: "correct horse battery staple", name: "Mail Links", tenantName: "Mail Links Inc" },
      headers: { "x-forwarded-for": "192.0.2.10" },
    });
    expect(registered.status).toBe(202);
    expect(mailTo(email, "verify-email").at(-1)?.link).toMatch(/^https:\/\/aos\.example\.test\/verify\?token=/);

    const owner = await createAccount({ label: "mail-links-owner" });
    const invitee = uniqueEmail("mail-links-invitee");
    const invited = await call(invite, "POST", `${FORGED}/api/v1/tenant/members`, {
      token: owner.token,
      body: { email: invitee, role: "member" },
    });
    expect(invited.status).toBe(201);
    expect(invited.json.invitation.acceptUrl).toBe("https://aos.example.test/invitations");
    expect(mailTo(invitee, "invitation").at(-1)?.link).toBe("https://aos.example.test/invitations");
  });
});
