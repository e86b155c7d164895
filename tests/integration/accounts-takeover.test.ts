import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as verify } from "@/app/api/v1/me/email/verify/route";
import { POST as sendVerification } from "@/app/api/v1/me/email/send-verification/route";
import { GET as myInvitations } from "@/app/api/v1/me/invitations/route";
import { POST as accept } from "@/app/api/v1/me/invitations/[id]/accept/route";
import { POST as decline } from "@/app/api/v1/me/invitations/[id]/decline/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/tenant/members/route";
import { GET as listInvitations } from "@/app/api/v1/tenant/invitations/route";
import { createAccount, verifyEmail } from "../support/accounts";
import { call, uniqueEmail } from "../support/http";
import { inspectDb } from "../support/db";
import { mailTo, verificationTokenFor } from "../support/mail";

const memberIds = async (ownerToken: string) =>
  (await call(listMembers, "GET", "/x", { token: ownerToken })).json.members.map((m: { userId: string }) => m.userId);

describe("account takeover by registering someone else's email first", () => {
  it("leaves the squatter unverified, and an admin's 'add' of that email joins nobody and shows the squatter nothing", async () => {
    const victimEmail = uniqueEmail("victim");
    const squatter = await createAccount({ email: victimEmail, label: "squatter" });

    // The link went to the mailbox only; the squatter cannot produce one, ask for one back, or guess one.
    expect((await call(me, "GET", "/x", { token: squatter.token })).json.user.emailVerified).toBe(false);
    const resent = await call(sendVerification, "POST", "/x", { token: squatter.token });
    expect(resent.status).toBe(202);
    expect(resent.json).toEqual({ emailVerified: false });
    for (const link of mailTo(victimEmail, "verify-email"))
      expect(JSON.stringify(resent.json)).not.toContain(new URL(link.link!).searchParams.get("token"));
    const guessed = await call(verify, "POST", "/x", { token: squatter.token, body: { token: randomBytes(32).toString("base64url") } });
    expect(guessed.status).toBe(400);
    expect((await call(me, "GET", "/x", { token: squatter.token })).json.user.emailVerified).toBe(false);

    const admin = await createAccount({ label: "victim-employer" });
    const added = await call(addMember, "POST", "/x", { token: admin.token, body: { email: victimEmail, role: "admin" } });
    expect(added.status).toBe(201);
    expect(await memberIds(admin.token)).toEqual([admin.userId]);

    const seen = await call(myInvitations, "GET", "/x", { token: squatter.token });
    expect(seen.json).toEqual({ emailVerified: false, invitations: [], nextCursor: null });
    const id = added.json.invitation.id;
    expect((await call(accept, "POST", "/x", { token: squatter.token, params: { id } })).status).toBe(404);
    expect((await call(decline, "POST", "/x", { token: squatter.token, params: { id } })).status).toBe(404);
    const intoTenant = await call(token, "POST", "/x", {
      body: { email: victimEmail, password: squatter.password, tenant: admin.tenantId },
    });
    expect(intoTenant.status).toBe(403);

    expect(await memberIds(admin.token)).toEqual([admin.userId]);
    const pending = (await call(listInvitations, "GET", "/x", { token: admin.token })).json.invitations;
    expect(pending.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it("joins even the verified owner of the email only when they accept", async () => {
    const admin = await createAccount({ label: "inviter" });
    const owner = await createAccount({ label: "real-owner" });
    await verifyEmail(owner);
    const added = await call(addMember, "POST", "/x", { token: admin.token, body: { email: owner.email, role: "member" } });
    expect(added.status).toBe(201);
    expect(await memberIds(admin.token)).toEqual([admin.userId]);

    expect((await call(accept, "POST", "/x", { token: owner.token, params: { id: added.json.invitation.id } })).status).toBe(200);
    expect(await memberIds(admin.token)).toEqual([admin.userId, owner.userId]);
  });

  it("accepts a verification link only from the signed-in account it was sent to, and only once", async () => {
    const owner = await createAccount({ label: "link-owner" });
    const other = await createAccount({ label: "link-thief" });
    const link = verificationTokenFor(owner.email);

    const stolen = await call(verify, "POST", "/x", { token: other.token, body: { token: link } });
    expect(stolen.status).toBe(400);
    expect((await call(me, "GET", "/x", { token: other.token })).json.user.emailVerified).toBe(false);

    expect((await call(verify, "POST", "/x", { token: owner.token, body: { token: link } })).status).toBe(200);
    expect((await call(me, "GET", "/x", { token: owner.token })).json.user.emailVerified).toBe(true);
    const again = await call(verify, "POST", "/x", { token: owner.token, body: { token: link } });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toEqual(stolen.json.error.message);
  });

  it("refuses an expired link, and one sent to an address the account no longer has", async () => {
    const owner = await createAccount({ label: "link-expired" });
    const link = verificationTokenFor(owner.email);
    const db = await inspectDb();
    await db.emailVerification.updateMany({ where: { userId: owner.userId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await call(verify, "POST", "/x", { token: owner.token, body: { token: link } })).status).toBe(400);

    expect((await call(sendVerification, "POST", "/x", { token: owner.token })).status).toBe(202);
    const fresh = verificationTokenFor(owner.email);
    await db.user.update({ where: { id: owner.userId }, data: { email: uniqueEmail("link-moved") } });
    expect((await call(verify, "POST", "/x", { token: owner.token, body: { token: fresh } })).status).toBe(400);
    expect((await call(me, "GET", "/x", { token: owner.token })).json.user.emailVerified).toBe(false);
  });
});
