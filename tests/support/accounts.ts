import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as verify } from "@/app/api/v1/me/email/verify/route";
import { POST as invite } from "@/app/api/v1/tenant/members/route";
import { POST as accept } from "@/app/api/v1/me/invitations/[id]/accept/route";
import type { Role } from "@/lib/auth/roles";
import { call, uniqueEmail } from "./http";
import { verificationTokenFor } from "./mail";

export type TestAccount = { email: string; password: string; userId: string; tenantId: string; token: string };

/** Registers a new user with their own tenant and signs in for a bearer token. The email stays unverified. */
export async function createAccount(options: { label?: string; email?: string } = {}): Promise<TestAccount> {
  const email = options.email ?? uniqueEmail(options.label);
  const password = "correct horse battery staple";
  const reg = await call(register, "POST", "/api/v1/auth/register", {
    headers: randomClientAddress(),
    body: { email, password, name: options.label ?? "Test User", tenantName: `${options.label ?? "Test"} Inc` },
  });
  if (reg.status !== 202) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.json)}`);
  const bearer = await signIn(email, password);
  const { json } = await call(me, "GET", "/api/v1/me", { token: bearer });
  return { email, password, userId: json.user.id, tenantId: json.tenant.id, token: bearer };
}

/** A bearer token; `tenant` (id or slug) picks the tenant, else the oldest membership. */
export async function signIn(email: string, password: string, tenant?: string): Promise<string> {
  const res = await call(token, "POST", "/api/v1/auth/token", { body: { email, password, tenant }, headers: randomClientAddress() });
  if (res.status !== 200) throw new Error(`token failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.token;
}

/** Opens the newest verification link mailed to the account, signed in as it. */
export async function verifyEmail(account: TestAccount): Promise<void> {
  const res = await call(verify, "POST", "/x", { token: account.token, body: { token: verificationTokenFor(account.email) } });
  if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.json)}`);
}

/**
 * Makes `member` a member of `owner`'s tenant the way a person does (verify the email, get invited,
 * accept), and returns a token for `member` acting in that tenant.
 */
export async function joinTenant(owner: TestAccount, member: TestAccount, role: Role): Promise<string> {
  if (!(await call(me, "GET", "/x", { token: member.token })).json.user.emailVerified) await verifyEmail(member);
  const invited = await call(invite, "POST", "/x", { token: owner.token, body: { email: member.email, role } });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.json)}`);
  const accepted = await call(accept, "POST", "/x", { token: member.token, params: { id: invited.json.invitation.id } });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.json)}`);
  return signIn(member.email, member.password, owner.tenantId);
}

/** A distinct client address per call keeps per-address rate limits out of unrelated tests. */
function randomClientAddress() {
  return { "x-forwarded-for": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
}
