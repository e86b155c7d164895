import { describe, expect, it } from "vitest";
import { GET as myInvitations } from "@/app/api/v1/me/invitations/route";
import { POST as accept } from "@/app/api/v1/me/invitations/[id]/accept/route";
import { POST as decline } from "@/app/api/v1/me/invitations/[id]/decline/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/tenant/members/route";
import { GET as listInvitations } from "@/app/api/v1/tenant/invitations/route";
import { DELETE as revoke } from "@/app/api/v1/tenant/invitations/[id]/route";
import { inspectDb } from "../support/db";
import { createAccount, joinTenant, signIn, verifyEmail, type TestAccount } from "../support/accounts";
import { call, uniqueEmail } from "../support/http";
import { mailTo } from "../support/mail";

const invite = (admin: TestAccount, email: string, role = "member") =>
  call(addMember, "POST", "/x", { token: admin.token, body: { email, role } });
const pendingIds = async (admin: TestAccount) =>
  (await call(listInvitations, "GET", "/x", { token: admin.token })).json.invitations.map((i: { id: string }) => i.id);
const visibleTo = async (account: TestAccount) =>
  (await call(myInvitations, "GET", "/x", { token: account.token })).json.invitations.map((i: { id: string }) => i.id);

async function verifiedAccount(label: string) {
  const account = await createAccount({ label });
  await verifyEmail(account);
  return account;
}

describe("invitations", () => {
  it("inviting the same email twice refreshes one pending invitation", async () => {
    const admin = await createAccount({ label: "dedupe-admin" });
    const email = uniqueEmail("dedupe");
    const first = await invite(admin, email, "viewer");
    const db = await inspectDb();
    await db.invitation.update({ where: { id: first.json.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const second = await invite(admin, email.toUpperCase(), "member");

    expect(second.status).toBe(201);
    expect([first.json.invitation.renewed, second.json.invitation.renewed]).toEqual([false, true]);
    expect(second.json.invitation.id).toBe(first.json.invitation.id);
    expect(second.json.invitation.role).toBe("member");
    expect(new Date(second.json.invitation.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await pendingIds(admin)).toEqual([first.json.invitation.id]);
    expect(mailTo(email, "invitation")).toHaveLength(2);
  });

  it("keeps one pending invitation when the same email is invited twice at once", async () => {
    const admin = await createAccount({ label: "race-admin" });
    const email = uniqueEmail("race");
    const [a, b] = await Promise.all([invite(admin, email), invite(admin, email)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.invitation.id).toBe(b.json.invitation.id);
    expect([a.json.invitation.renewed, b.json.invitation.renewed].sort()).toEqual([false, true]);
    expect(await pendingIds(admin)).toEqual([a.json.invitation.id]);
  });

  it("lets the verified addressee accept once, joining with the invited role", async () => {
    const admin = await createAccount({ label: "accept-admin" });
    const invitee = await verifiedAccount("accept-invitee");
    const { json } = await invite(admin, invitee.email, "viewer");
    expect(await visibleTo(invitee)).toEqual([json.invitation.id]);

    const accepted = await call(accept, "POST", "/x", { token: invitee.token, params: { id: json.invitation.id } });
    expect(accepted.status).toBe(200);
    expect(accepted.json.tenant).toMatchObject({ id: admin.tenantId, role: "viewer" });
    expect((await call(accept, "POST", "/x", { token: invitee.token, params: { id: json.invitation.id } })).status).toBe(404);
    expect(await visibleTo(invitee)).toEqual([]);
    expect(await pendingIds(admin)).toEqual([]);

    const inTenant = await signIn(invitee.email, invitee.password, admin.tenantId);
    expect((await call(me, "GET", "/x", { token: inTenant })).json).toMatchObject({ tenant: { id: admin.tenantId }, role: "viewer" });
    // Already a member: a new invitation is refused rather than silently kept.
    expect((await invite(admin, invitee.email)).status).toBe(409);
  });

  it("lets the addressee decline: no membership, the invitation is gone, a new one can be sent", async () => {
    const admin = await createAccount({ label: "decline-admin" });
    const invitee = await verifiedAccount("decline-invitee");
    const { json } = await invite(admin, invitee.email);
    expect((await call(decline, "POST", "/x", { token: invitee.token, params: { id: json.invitation.id } })).status).toBe(204);
    expect((await call(accept, "POST", "/x", { token: invitee.token, params: { id: json.invitation.id } })).status).toBe(404);
    expect(await visibleTo(invitee)).toEqual([]);
    expect(await pendingIds(admin)).toEqual([]);
    const members = (await call(listMembers, "GET", "/x", { token: admin.token })).json.members;
    expect(members.map((m: { userId: string }) => m.userId)).toEqual([admin.userId]);

    const again = await invite(admin, invitee.email);
    expect(again.json.invitation.id).not.toBe(json.invitation.id);
    expect(await visibleTo(invitee)).toEqual([again.json.invitation.id]);
  });

  it("answers two accepts of one invitation at once without an error, joining once", async () => {
    const admin = await createAccount({ label: "accept-race-admin" });
    const invitee = await verifiedAccount("accept-race-invitee");
    const { json } = await invite(admin, invitee.email, "member");
    const answers = await Promise.all(
      [1, 2].map(() => call(accept, "POST", "/x", { token: invitee.token, params: { id: json.invitation.id } })),
    );
    expect(answers.map((a) => a.status)).toContain(200);
    for (const a of answers) expect([200, 404]).toContain(a.status);
    expect(await (await inspectDb()).membership.count({ where: { tenantId: admin.tenantId, userId: invitee.userId } })).toBe(1);
  });

  it("lets an admin who is not an owner invite and revoke members, but not owners or admins", async () => {
    const owner = await createAccount({ label: "grant-owner" });
    const adminToken = await joinTenant(owner, await createAccount({ label: "grant-admin" }), "admin");
    for (const role of ["owner", "admin"]) {
      expect((await call(addMember, "POST", "/x", { token: adminToken, body: { email: uniqueEmail("grant"), role } })).status).toBe(403);
    }
    expect((await call(addMember, "POST", "/x", { token: adminToken, body: { email: uniqueEmail("grant"), role: "member" } })).status).toBe(
      201,
    );
    const { json } = await invite(owner, uniqueEmail("grant-by-owner"), "admin");
    expect((await call(revoke, "DELETE", "/x", { token: adminToken, params: { id: json.invitation.id } })).status).toBe(403);
    expect(await pendingIds(owner)).toContain(json.invitation.id);
  });

  it("lets an admin revoke a pending invitation; other tenants and viewers cannot", async () => {
    const admin = await createAccount({ label: "revoke-admin" });
    const invitee = await verifiedAccount("revoke-invitee");
    const outsider = await createAccount({ label: "revoke-outsider" });
    const viewer = await createAccount({ label: "revoke-viewer" });
    const viewerToken = await joinTenant(admin, viewer, "viewer");
    const { json } = await invite(admin, invitee.email);
    const id = json.invitation.id;

    expect((await call(revoke, "DELETE", "/x", { token: outsider.token, params: { id } })).status).toBe(404);
    expect((await call(revoke, "DELETE", "/x", { token: viewerToken, params: { id } })).status).toBe(403);
    expect(await visibleTo(invitee)).toEqual([id]);

    expect((await call(revoke, "DELETE", "/x", { token: admin.token, params: { id } })).status).toBe(204);
    expect((await call(revoke, "DELETE", "/x", { token: admin.token, params: { id } })).status).toBe(404);
    expect(await visibleTo(invitee)).toEqual([]);
    expect((await call(accept, "POST", "/x", { token: invitee.token, params: { id } })).status).toBe(404);
  });

  it("shows an invitation to someone who registers with the invited email only after they verify it", async () => {
    const admin = await createAccount({ label: "later-admin" });
    const email = uniqueEmail("later");
    const { json } = await invite(admin, email, "admin");
    const newcomer = await createAccount({ email, label: "later" });
    expect(await visibleTo(newcomer)).toEqual([]);
    await verifyEmail(newcomer);
    expect(await visibleTo(newcomer)).toEqual([json.invitation.id]);
    expect((await call(accept, "POST", "/x", { token: newcomer.token, params: { id: json.invitation.id } })).json.tenant.role).toBe(
      "admin",
    );
  });

  it("does not offer or accept an expired invitation", async () => {
    const admin = await createAccount({ label: "expired-admin" });
    const invitee = await verifiedAccount("expired-invitee");
    const { json } = await invite(admin, invitee.email);
    await (await inspectDb()).invitation.update({ where: { id: json.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await visibleTo(invitee)).toEqual([]);
    expect((await call(accept, "POST", "/x", { token: invitee.token, params: { id: json.invitation.id } })).status).toBe(404);
  });
});
