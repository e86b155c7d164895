import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as verify } from "@/app/api/v1/me/email/verify/route";
import { POST as invite } from "@/app/api/v1/tenant/members/route";
import { POST as accept } from "@/app/api/v1/me/invitations/[id]/accept/route";
import type { Role } from "@/lib/auth/roles";
import type { NextAuthOptions, User } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import { getAuthOptions } from "@/lib/auth/next-auth";
import { call, fromClient, uniqueEmail } from "./http";
import { verificationTokenFor } from "./mail";

export type TestAccount = { email: string; password: string; userId: string; tenantId: string; token: string };

/** Registers a new user with their own tenant and signs in for a bearer token. The email stays unverified. */
export async function createAccount(options: { label?: string; email?: string } = {}): Promise<TestAccount> {
  const email = options.email ?? uniqueEmail(options.label);
  const password = "correct horse battery staple";
  const reg = await call(register, "POST", "/api/v1/auth/register", {
    headers: fromClient(),
    body: { email, password, name: options.label ?? "Test User", tenantName: `${options.label ?? "Test"} Inc` },
  });
  if (reg.status !== 202) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.json)}`);
  const bearer = await signIn(email, password);
  const { json } = await call(me, "GET", "/api/v1/me", { token: bearer });
  return { email, password, userId: json.user.id, tenantId: json.tenant.id, token: bearer };
}

/** A bearer token; `tenant` (id or slug) picks the tenant, else the oldest membership. */
export async function signIn(email: string, password: string, tenant?: string): Promise<string> {
  const res = await call(token, "POST", "/api/v1/auth/token", { body: { email, password, tenant }, headers: fromClient() });
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

/**
 * The cookie next-auth would set after a credentials sign-in (and a switch to `tenantId`): the
 * configured provider's `authorize` and `jwt` callback, encoded with the app's secret.
 */
export async function sessionCookie(email: string, password: string, tenantId?: string): Promise<string> {
  const options: NextAuthOptions = await getAuthOptions();
  const provider = options.providers.find((p) => p.id === "credentials") as unknown as {
    options: { authorize: (credentials: Record<string, string>, req: unknown) => Promise<User | null> };
  };
  const user = await provider.options.authorize(
    { email, password },
    { headers: fromClient(), body: { email, password }, method: "POST", query: {} },
  );
  if (!user) throw new Error(`session sign-in failed for ${email}`);
  let token: JWT = { name: user.name, email: user.email, sub: user.id };
  if (options.callbacks?.jwt) {
    token = await options.callbacks.jwt({
      token,
      user,
      account: { providerAccountId: user.id, type: "credentials", provider: "credentials" },
      trigger: "signIn",
      isNewUser: false,
    } as never);
    // The tenant switcher: next-auth's `update({ tenantId })`.
    if (tenantId) token = await options.callbacks.jwt({ token, trigger: "update", session: { tenantId } } as never);
  }
  if (tenantId && token.tid !== tenantId) throw new Error(`session for ${email} could not switch to tenant ${tenantId}`);
  const value = await encode({ token, secret: options.secret!, maxAge: options.session?.maxAge });
  return `next-auth.session-token=${value}`;
}
