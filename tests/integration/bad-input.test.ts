import { describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as addMember, GET as listMembers } from "@/app/api/v1/tenant/members/route";
import { PATCH as changeRole } from "@/app/api/v1/tenant/members/[userId]/route";
import { createAccount } from "../support/accounts";
import { call, uniqueEmail } from "../support/http";

function expectClientError(res: { status: number; json: any }, status: number) {
  expect(res.status).toBe(status);
  expect(typeof res.json.error.message).toBe("string");
  expect(JSON.stringify(res.json)).not.toMatch(/at \S+ \(|node_modules|prisma/i);
}

describe("bad input", () => {
  it("answers malformed JSON, wrong types, missing fields and wrong content type with a 4xx, writing nothing", async () => {
    const owner = await createAccount({ label: "bad-input" });
    const before = (await call(listMembers, "GET", "/x", { token: owner.token })).json.members.length;

    expectClientError(
      await call(addMember, "POST", "/x", { token: owner.token, rawBody: '{"email": ', headers: { "content-type": "application/json" } }),
      400,
    );
    expectClientError(await call(addMember, "POST", "/x", { token: owner.token, body: { email: 42, role: "member" } }), 422);
    expectClientError(await call(addMember, "POST", "/x", { token: owner.token, body: { email: uniqueEmail(), role: "superuser" } }), 422);
    expectClientError(await call(addMember, "POST", "/x", { token: owner.token, body: [] }), 422);
    expectClientError(
      await call(addMember, "POST", "/x", {
        token: owner.token,
        rawBody: "email=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      415,
    );
    expectClientError(
      await call(changeRole, "PATCH", "/x", { token: owner.token, params: { userId: "not-a-uuid" }, body: { role: "viewer" } }),
      422,
    );

    const after = (await call(listMembers, "GET", "/x", { token: owner.token })).json.members.length;
    expect(after).toBe(before);
  });

  it("refuses an oversized body with 413 before parsing it", async () => {
    const email = uniqueEmail("huge");
    const huge = JSON.stringify({ email, password: "x".repeat(2_000_000), name: "Huge", tenantName: "Huge" });
    const res = await call(register, "POST", "/x", { rawBody: huge, headers: { "content-type": "application/json" } });
    expectClientError(res, 413);
  });

  it("names the offending field in validation errors", async () => {
    const res = await call(register, "POST", "/x", { body: { email: "not-an-email", password: "short", name: "", tenantName: "T" } });
    expectClientError(res, 422);
    const paths = res.json.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "name"]));
  });
});
