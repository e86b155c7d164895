import { describe, expect, it } from "vitest";
import { GET as listMembers } from "@/app/api/v1/tenant/members/route";
import { PATCH as changeRole, DELETE as removeMember } from "@/app/api/v1/tenant/members/[userId]/route";
import { GET as listInvitations } from "@/app/api/v1/tenant/invitations/route";
import { POST as addMember } from "@/app/api/v1/tenant/members/route";
import { GET as me } from "@/app/api/v1/me/route";
import { createAccount } from "../support/accounts";
import { call, uniqueEmail } from "../support/http";

describe("tenant isolation", () => {
  it("tenant B cannot list, read, change or remove tenant A's members, even knowing their ids", async () => {
    const a = await createAccount({ label: "tenant-a" });
    const b = await createAccount({ label: "tenant-b" });
    await call(addMember, "POST", "/api/v1/tenant/members", { token: a.token, body: { email: uniqueEmail("a-invite"), role: "member" } });

    const bMembers = await call(listMembers, "GET", "/api/v1/tenant/members", { token: b.token });
    expect(bMembers.json.members.map((m: { userId: string }) => m.userId)).toEqual([b.userId]);
    const bInvites = await call(listInvitations, "GET", "/api/v1/tenant/invitations", { token: b.token });
    expect(bInvites.json.invitations).toEqual([]);

    const change = await call(changeRole, "PATCH", "/x", { token: b.token, params: { userId: a.userId }, body: { role: "viewer" } });
    const missing = await call(changeRole, "PATCH", "/x", {
      token: b.token,
      params: { userId: "00000000-0000-4000-8000-000000000000" },
      body: { role: "viewer" },
    });
    expect(change.status).toBe(404);
    expect(change.json.error).toEqual(missing.json.error);

    const remove = await call(removeMember, "DELETE", "/x", { token: b.token, params: { userId: a.userId } });
    expect(remove.status).toBe(404);

    const stillOwner = await call(me, "GET", "/api/v1/me", { token: a.token });
    expect(stillOwner.json.role).toBe("owner");
  });
});
