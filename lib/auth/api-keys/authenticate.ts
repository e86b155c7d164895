import "server-only";
import { UnauthorizedError } from "@/lib/errors";
import { leastRoleWith, lowerRole, Scope } from "@/lib/auth/roles";
import type { TenantContext } from "@/lib/auth/context";
import { parseKey, secretMatches } from "@/lib/auth/api-keys/key-format";
import { tenantDb } from "@/lib/db/scope";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** `last_used_at` is written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;

type LookupRow = {
  id: string;
  tenant_id: string;
  hash: string;
  scopes: string[];
  created_by_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

/**
 * The context an API key acts in. The key is read afresh on every request (no cache), so a
 * revocation or an expiry takes effect at once. It is found by its prefix through `api_key_lookup`
 * (a narrow SQL function: no tenant scope exists yet), its secret compared in constant time. The
 * key acts for its creator, who must still be a member: their current role, lowered to the least
 * role holding the key's scopes, and the key's scopes bound it (lib/auth/context.ts). Its database
 * scope is the tenant's alone, without the creator's personal rows (other tenants, invitations).
 * Throws UnauthorizedError with a message that says what to do.
 */
export async function authenticateApiKey(base: PrismaClient, token: string): Promise<TenantContext> {
  const parsed = parseKey(token);
  if (!parsed) throw new UnauthorizedError("Malformed API key: expected aos_<prefix>_<secret>");
  const [row] = await base.$queryRaw<LookupRow[]>`SELECT * FROM api_key_lookup(${parsed.prefix})`;
  if (!row || !secretMatches(parsed.secret, row.hash)) throw new UnauthorizedError("Invalid API key");
  const now = new Date();
  if (row.revoked_at) throw new UnauthorizedError("This API key was revoked; ask an owner or admin for a new one");
  if (row.expires_at <= now)
    throw new UnauthorizedError(`This API key expired at ${row.expires_at.toISOString()}; ask an owner or admin for a new one`);

  const db = tenantDb(base, row.tenant_id);
  const membership = await db.membership.findUnique({
    where: { tenantId_userId: { tenantId: row.tenant_id, userId: row.created_by_id } },
    select: { role: true },
  });
  if (!membership) throw new UnauthorizedError("The member who created this API key has left the workspace; the key no longer works");
  const scopes = row.scopes.filter((s): s is Scope => Scope.safeParse(s).success);
  await touch(db, row, now);
  return {
    tenantId: row.tenant_id,
    db,
    actor: { userId: row.created_by_id, role: lowerRole(membership.role, leastRoleWith(scopes)), via: "api_key", apiKeyId: row.id, scopes },
  };
}

/** Records the use, at most once a minute (the condition settles concurrent requests). */
async function touch(db: PrismaClient, row: LookupRow, now: Date) {
  const cutoff = new Date(now.getTime() - TOUCH_INTERVAL_MS);
  if (row.last_used_at && row.last_used_at > cutoff) return;
  await db.apiKey.updateMany({
    where: { id: row.id, tenantId: row.tenant_id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: cutoff } }] },
    data: { lastUsedAt: now },
  });
}
