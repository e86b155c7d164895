import "server-only";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { UnauthorizedError } from "@/lib/errors";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * Short-lived bearer tokens for REST clients: HS256 JWTs carrying the user and the tenant.
 * The role is not trusted from the token; every request re-reads the membership.
 */
const ISSUER = "autonomos";
const AUDIENCE = "autonomos-api";

export type ApiTokenClaims = { userId: string; tenantId: string };

async function key(): Promise<Uint8Array> {
  return new TextEncoder().encode(`api-token:${await getAuthSecret()}`);
}

export async function issueApiToken(claims: ApiTokenClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ tid: claims.tenantId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(await key());
  return { token, expiresAt };
}

/** Throws UnauthorizedError for a forged, expired or malformed token. */
export async function verifyApiToken(token: string): Promise<ApiTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, await key(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
    if (typeof payload.sub !== "string" || typeof payload.tid !== "string") throw new UnauthorizedError("Invalid token");
    return { userId: payload.sub, tenantId: payload.tid };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new UnauthorizedError("Token expired");
    throw new UnauthorizedError("Invalid token");
  }
}
