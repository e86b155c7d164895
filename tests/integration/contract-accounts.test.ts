import { beforeAll, describe, expect, it } from "vitest";
import { createAccount, verifyEmail, type TestAccount } from "../support/accounts";
import { callOperation, fromClient, uniqueEmail } from "../support/http";
import { verificationTokenFor } from "../support/mail";

/**
 * The accounts, tenant and public operations as an integrator calls them, by operationId: every
 * answer is checked against the OpenAPI document (tests/support/contract.ts).
 */
const PASSWORD = "correct horse battery staple";

describe("an account of one's own", () => {
  it("registers, trades the password for a token, reads the account and confirms the email", async () => {
    const email = uniqueEmail("contract-self");
    const registered = await callOperation("postAuthRegister", {
      headers: fromClient(),
      body: { email, password: PASSWORD, name: "Ada Contract", tenantName: "Contract Works" },
    });
    expect(registered.status).toBe(202);
    expect(registered.json.message).toMatch(/check your email/i);

    const issued = await callOperation("postAuthToken", { headers: fromClient(), body: { email, password: PASSWORD } });
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ tokenType: "Bearer", user: { email }, tenant: { name: "Contract Works", role: "owner" } });
    expect(issued.json.tenantId).toBe(issued.json.tenant.id);
    const token = issued.json.token as string;

    const me = await callOperation("getMe", { token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { email, name: "Ada Contract", emailVerified: false }, role: "owner" });
    expect(me.json.tenants.map((t: { id: string }) => t.id)).toEqual([issued.json.tenantId]);

    const resent = await callOperation("postMeEmailSendVerification", { token });
    expect(resent.status).toBe(202);
    expect(resent.json).toEqual({ emailVerified: false });
    const verified = await callOperation("postMeEmailVerify", { token, body: { token: verificationTokenFor(email) } });
    expect(verified.status).toBe(200);
    expect(verified.json).toEqual({ emailVerified: true });
    expect((await callOperation("getMe", { token })).json.user.emailVerified).toBe(true);
  });
});

describe("a tenant's team, invitations and settings", () => {
  let owner: TestAccount;
  let invitee: TestAccount;

  beforeAll(async () => {
    [owner, invitee] = await Promise.all([createAccount({ label: "contract-owner" }), createAccount({ label: "contract-invitee" })]);
    await verifyEmail(invitee);
  }, 120_000);

  const invite = (email: string, role = "member") => callOperation("postTenantMembers", { token: owner.token, body: { email, role } });

  it("invites an email, which its verified holder sees and accepts", async () => {
    const sent = await invite(invitee.email);
    expect(sent.status).toBe(201);
    expect(sent.json.invitation).toMatchObject({ email: invitee.email, role: "member", renewed: false });
    expect(sent.json.invitation.acceptUrl).toMatch(/\/invitations$/);

    const pending = await callOperation("getTenantInvitations", { token: owner.token });
    expect(pending.status).toBe(200);
    expect(pending.json).toEqual({ invitations: [expect.objectContaining({ id: sent.json.invitation.id })], nextCursor: null });

    const mine = await callOperation("getMeInvitations", { token: invitee.token });
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ emailVerified: true, nextCursor: null });
    expect(mine.json.invitations).toEqual([
      expect.objectContaining({ id: sent.json.invitation.id, tenant: { id: owner.tenantId, name: "contract-owner Inc" } }),
    ]);

    const accepted = await callOperation("postMeInvitationsByIdAccept", { token: invitee.token, params: { id: sent.json.invitation.id } });
    expect(accepted.status).toBe(200);
    expect(accepted.json.tenant).toMatchObject({ id: owner.tenantId, role: "member" });
  });

  it("lets the addressee decline, and an admin revoke, a pending invitation", async () => {
    const decliner = await createAccount({ label: "contract-decliner" });
    await verifyEmail(decliner);
    const declined = await invite(decliner.email, "viewer");
    const answer = await callOperation("postMeInvitationsByIdDecline", {
      token: decliner.token,
      params: { id: declined.json.invitation.id },
    });
    expect(answer.status).toBe(204);

    const revoked = await invite(uniqueEmail("contract-revoked"));
    expect(
      (await callOperation("deleteTenantInvitationsById", { token: owner.token, params: { id: revoked.json.invitation.id } })).status,
    ).toBe(204);
    expect((await callOperation("getTenantInvitations", { token: owner.token })).json.invitations).toEqual([]);
  });

  it("lists the members a page at a time, in the order they joined, and by role", async () => {
    const first = await callOperation("getTenantMembers", { token: owner.token, query: { limit: "1" } });
    expect(first.status).toBe(200);
    expect(first.json.members.map((m: { userId: string }) => m.userId)).toEqual([owner.userId]);
    expect(first.json.nextCursor).toEqual(expect.any(String));

    const second = await callOperation("getTenantMembers", { token: owner.token, query: { limit: "1", cursor: first.json.nextCursor } });
    expect(second.json.members.map((m: { userId: string }) => m.userId)).toEqual([invitee.userId]);
    expect(second.json.nextCursor).toBeNull();

    const members = await callOperation("getTenantMembers", { token: owner.token, query: { role: "member" } });
    expect(members.json).toEqual({
      members: [expect.objectContaining({ userId: invitee.userId, email: invitee.email, role: "member" })],
      nextCursor: null,
    });
  });

  it("changes a member's role, then removes them", async () => {
    const changed = await callOperation("patchTenantMembersByUserId", {
      token: owner.token,
      params: { userId: invitee.userId },
      body: { role: "viewer" },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.member).toMatchObject({ userId: invitee.userId, role: "viewer" });

    const removed = await callOperation("deleteTenantMembersByUserId", { token: owner.token, params: { userId: invitee.userId } });
    expect(removed.status).toBe(204);
    expect((await callOperation("getTenantMembers", { token: owner.token })).json.members).toHaveLength(1);
  });

  it("sets the Slack webhook, and reads back only that one is set", async () => {
    expect((await callOperation("getTenantSettings", { token: owner.token })).json).toEqual({ slackConfigured: false });
    const put = await callOperation("putTenantSettings", {
      token: owner.token,
      body: { slackWebhookUrl: "https://hooks.slack.com/services/T000/B000/XXXX" },
    });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ slackConfigured: true });
    expect((await callOperation("getTenantSettings", { token: owner.token })).json).toEqual({ slackConfigured: true });
  });

  it("creates an API key, lists it and revokes it", async () => {
    const created = await callOperation("postTenantApiKeys", { token: owner.token, body: { name: "contract key", scopes: ["kb:read"] } });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^aos_/);
    const listed = await callOperation("getTenantApiKeys", { token: owner.token });
    expect(listed.json.apiKeys).toEqual([expect.objectContaining({ id: created.json.apiKey.id, status: "active", scopes: ["kb:read"] })]);
    expect((await callOperation("deleteTenantApiKeysById", { token: owner.token, params: { id: created.json.apiKey.id } })).status).toBe(
      204,
    );
    expect((await callOperation("getTenantApiKeys", { token: owner.token })).json.apiKeys[0].status).toBe("revoked");
  });
});

describe("the public operations", () => {
  it("report the service's health", async () => {
    const health = await callOperation("getHealthz");
    expect(health.status).toBe(200);
    expect(health.json.database.status).toBe("ok");
  });

  it("serve the OpenAPI document at /api/openapi.json, and redirect the old address there", async () => {
    const served = await callOperation("getApiOpenapiJson");
    expect(served.status).toBe(200);
    expect(served.json.paths["/api/v1/tenant/members"].get.operationId).toBe("getTenantMembers");
    const moved = await callOperation("getOpenapiJson");
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe("/api/openapi.json");
  });
});
