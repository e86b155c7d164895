import "server-only";
import { decode } from "next-auth/jwt";
import { UnauthorizedError } from "@/lib/errors";
import { getAuthSecret } from "@/lib/auth/secret";
import { verifyApiToken } from "@/lib/auth/api-token";
import { authenticateApiKey } from "@/lib/auth/api-keys/authenticate";
import { looksLikeApiKey } from "@/lib/auth/api-keys/key-format";
import { tenantDb } from "@/lib/db/scope";
import { tryDecodeURIComponent } from "@/lib/http/decode";
import type { TenantContext } from "@/lib/auth/context";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

type Principal = { userId: string; tenantId: string; via: "session" | "bearer" };

/**
 * Resolves the caller of an API request: `Authorization: Bearer <API key or JWT>` first, else the
 * next-auth session cookie. An API key (`aos_...`) is checked by lib/auth/api-keys/authenticate.ts.
 * For a person, re-reads the membership, so a removed member or changed role takes effect at once.
 * Throws UnauthorizedError when there is no valid principal or no membership. The context's client
 * runs every query in the tenant's row-level-security scope.
 */
export async function resolveTenantContext(req: Request, base: PrismaClient): Promise<TenantContext> {
  const bearer = readBearer(req);
  if (bearer && looksLikeApiKey(bearer)) return authenticateApiKey(base, bearer);
  const principal: Principal = bearer ? { ...(await verifyApiToken(bearer)), via: "bearer" } : await readSession(req);
  const db = tenantDb(base, principal.tenantId, principal.userId);
  const membership = await db.membership.findUnique({
    where: { tenantId_userId: { tenantId: principal.tenantId, userId: principal.userId } },
    select: { role: true },
  });
  if (!membership) throw new UnauthorizedError("Your membership of this tenant is no longer valid; sign in again");
  return { tenantId: principal.tenantId, db, actor: { userId: principal.userId, role: membership.role, via: principal.via } };
}

function readBearer(req: Request): string | undefined {
  const authorization = req.headers.get("authorization");
  if (authorization === null) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthorizedError("Authorization header must be 'Bearer <token>'");
  return match[1];
}

async function readSession(req: Request): Promise<Principal> {
  const cookie = readSessionCookie(req.headers.get("cookie") ?? "");
  if (!cookie) throw new UnauthorizedError();
  const token = await decode({ token: cookie, secret: await getAuthSecret() }).catch(() => null);
  if (!token || typeof token.uid !== "string" || typeof token.tid !== "string") {
    throw new UnauthorizedError("Session expired or invalid; sign in again");
  }
  return { userId: token.uid, tenantId: token.tid, via: "session" };
}

/** next-auth splits large cookies into `<name>.0`, `<name>.1`, ...; this joins them back. */
function readSessionCookie(header: string): string | undefined {
  const jar = new Map<string, string>();
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const value = part.slice(i + 1).trim();
    // A malformed %-escape is kept as is: the token check then rejects it (401), never a 500.
    jar.set(part.slice(0, i).trim(), tryDecodeURIComponent(value) ?? value);
  }
  for (const name of SESSION_COOKIES) {
    if (jar.has(name)) return jar.get(name);
    const chunks: string[] = [];
    for (let n = 0; jar.has(`${name}.${n}`); n++) chunks.push(jar.get(`${name}.${n}`)!);
    if (chunks.length) return chunks.join("");
  }
  return undefined;
}

/** For server components: the caller's context from the request's Cookie header, or null when signed out. */
export async function resolvePageContext(cookieHeader: string, db: PrismaClient): Promise<TenantContext | null> {
  const req = new Request("http://internal/", { headers: { cookie: cookieHeader } });
  return resolveTenantContext(req, db).catch((error) => {
    if (error instanceof UnauthorizedError) return null;
    throw error;
  });
}
