import { POST as register } from "@/app/api/v1/auth/register/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { call, uniqueEmail } from "./http";

export type TestAccount = { email: string; password: string; userId: string; tenantId: string; token: string };

/** Registers a new user with their own tenant (or via an invitation) and signs in for a bearer token. */
export async function createAccount(options: { label?: string; inviteToken?: string; email?: string } = {}): Promise<TestAccount> {
  const email = options.email ?? uniqueEmail(options.label);
  const password = "correct horse battery staple";
  const reg = await call(register, "POST", "/api/v1/auth/register", {
    headers: randomClientAddress(),
    body: { email, password, name: options.label ?? "Test User", ...(options.inviteToken ? { inviteToken: options.inviteToken } : { tenantName: `${options.label ?? "Test"} Inc` }) },
  });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.json)}`);
  return { email, password, userId: reg.json.userId, tenantId: reg.json.tenantId, token: await signIn(email, password) };
}

export async function signIn(email: string, password: string): Promise<string> {
  const res = await call(token, "POST", "/api/v1/auth/token", { body: { email, password }, headers: randomClientAddress() });
  if (res.status !== 200) throw new Error(`token failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.token;
}

/** A distinct client address per call keeps per-address rate limits out of unrelated tests. */
function randomClientAddress() {
  return { "x-forwarded-for": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
}
