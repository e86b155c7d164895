import { describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as addMember } from "@/app/api/v1/tenant/members/route";
import { inspectDb } from "../support/db";
import { createAccount, signIn, verifyEmail } from "../support/accounts";
import { call, fromClient as address, uniqueEmail } from "../support/http";
import { mailTo } from "../support/mail";

describe("answers that could reveal whether an email has an account", () => {
  it("registration answers the same for a taken email, creates nothing, and mails the owner a notice", async () => {
    const existing = await createAccount({ label: "taken" });
    const tenantName = `Squat ${existing.userId}`;
    const body = (email: string) => ({ email, password: "a different password", name: "Someone", tenantName });

    const fresh = await call(register, "POST", "/x", { headers: address(), body: body(uniqueEmail("fresh")) });
    const taken = await call(register, "POST", "/x", { headers: address(), body: body(existing.email.toUpperCase()) });
    expect(taken.status).toBe(fresh.status);
    expect(taken.json).toEqual(fresh.json);
    expect(Object.keys(taken.json)).toEqual(["message"]);

    expect(mailTo(existing.email, "registration-attempt")).toHaveLength(1);
    expect(mailTo(existing.email, "verify-email")).toHaveLength(1);
    const db = await inspectDb();
    expect(await db.tenant.count({ where: { name: tenantName } })).toBe(1);
    await expect(signIn(existing.email, "a different password")).rejects.toThrow(/401/);
    expect(await signIn(existing.email, existing.password)).toBeTruthy();
  });

  it("member-add answers the same for an unknown email, an unverified account and a verified one", async () => {
    const admin = await createAccount({ label: "disclosure-admin" });
    const unverified = await createAccount({ label: "disclosure-unverified" });
    const verified = await createAccount({ label: "disclosure-verified" });
    await verifyEmail(verified);

    const answers = [];
    for (const email of [uniqueEmail("nobody"), unverified.email, verified.email]) {
      const res = await call(addMember, "POST", "/x", { token: admin.token, body: { email, role: "member" } });
      answers.push({
        status: res.status,
        shape: JSON.stringify(res.json, (key, value) => (["id", "email", "expiresAt", "createdAt"].includes(key) ? typeof value : value)),
      });
      expect(mailTo(email, "invitation")).toHaveLength(1);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0].status).toBe(201);
  });
});
