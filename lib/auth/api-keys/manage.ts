import "server-only";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { actorHasScope } from "@/lib/auth/actor-scope";
import type { TenantContext } from "@/lib/auth/context";
import { Scope } from "@/lib/auth/roles";
import { SCOPE_WORDS } from "@/lib/auth/scope-words";
import { generateKey } from "@/lib/auth/api-keys/key-format";
import { DEFAULT_TTL_DAYS, expiryAfterDays } from "@/lib/auth/api-keys/limits";
import type { ApiKeySummary, CreateApiKeyInput, ListApiKeysQuery } from "@/lib/auth/api-keys/schemas";
import { pageArgs, toPage } from "@/lib/db/page";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A tenant's API keys, managed by its owners and admins (the routes ask for `settings:write`).
 * The key itself is returned once, by `createApiKey`; lists show its prefix only.
 */

/** Keys that still work (not revoked, not expired) a tenant may hold at once. */
export const MAX_ACTIVE_KEYS = 100;

const SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdById: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;
type Row = Prisma.ApiKeyGetPayload<{ select: typeof SELECT }>;

/**
 * Creates a key in the caller's tenant, acting for the caller. It holds no scope the caller's role
 * lacks (ForbiddenError), and an API key cannot create keys: a leaked key must not mint others that
 * outlive its revocation. Answers the key itself, once.
 */
export async function createApiKey({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: CreateApiKeyInput;
}): Promise<{ apiKey: ApiKeySummary; key: string }> {
  if (ctx.actor.via === "api_key") throw new ForbiddenError("An API key cannot create API keys; sign in to create one");
  const beyond = input.scopes.filter((scope) => !actorHasScope(ctx.actor, scope));
  if (beyond.length) {
    const words = beyond.map((s) => `${SCOPE_WORDS[s].label} (${s})`).join(", ");
    throw new ForbiddenError(`Your role (${ctx.actor.role}) cannot give a key: ${words}`);
  }
  const now = new Date();
  const active = await ctx.db.apiKey.count({ where: { tenantId: ctx.tenantId, revokedAt: null, expiresAt: { gt: now } } });
  if (active >= MAX_ACTIVE_KEYS) throw new ConflictError(`This workspace already has ${MAX_ACTIVE_KEYS} active API keys; revoke one first`);

  const expiresAt = input.expiresAt ?? expiryAfterDays(DEFAULT_TTL_DAYS, now.getTime());
  // The prefix is unique across tenants: another draw settles the rare collision.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { key, prefix, hash } = generateKey();
    try {
      const row = await ctx.db.apiKey.create({
        data: { tenantId: ctx.tenantId, name: input.name, prefix, hash, scopes: input.scopes, createdById: ctx.actor.userId, expiresAt },
        select: SELECT,
      });
      const [apiKey] = await summarize(ctx, [row]);
      return { apiKey: apiKey!, key };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new ConflictError("Could not create a unique key; try again");
}

/** The keys of the caller's tenant, newest first, revoked and expired ones included. Never the key itself. */
export async function listApiKeys({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListApiKeysQuery;
}): Promise<{ apiKeys: ApiKeySummary[]; nextCursor: string | null }> {
  const rows = await ctx.db.apiKey.findMany({
    where: { tenantId: ctx.tenantId },
    select: SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { apiKeys: await summarize(ctx, items), nextCursor };
}

/**
 * Revokes a key of the caller's tenant; it stops working at once. Revoking a revoked key changes
 * nothing. Another tenant's key answers NotFoundError, like a missing one.
 */
export async function revokeApiKey({ ctx, id }: { ctx: TenantContext; id: string }): Promise<void> {
  const revoked = await ctx.db.apiKey.updateMany({
    where: { id, tenantId: ctx.tenantId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 1) return;
  const exists = await ctx.db.apiKey.count({ where: { id, tenantId: ctx.tenantId } });
  if (!exists) throw new NotFoundError("API key");
}

/** Rows with their creators' names and each key's status (a key stops when its creator leaves). */
async function summarize(ctx: TenantContext, rows: Row[]): Promise<ApiKeySummary[]> {
  const creatorIds = [...new Set(rows.map((r) => r.createdById))];
  const [users, members] = await Promise.all([
    ctx.db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true, email: true } }),
    ctx.db.membership.findMany({ where: { tenantId: ctx.tenantId, userId: { in: creatorIds } }, select: { userId: true } }),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const stillMembers = new Set(members.map((m) => m.userId));
  const now = Date.now();
  return rows.map(({ createdById, ...row }) => ({
    ...row,
    scopes: row.scopes.filter((s): s is Scope => Scope.safeParse(s).success),
    createdBy: byId.get(createdById) ?? null,
    status: row.revokedAt
      ? "revoked"
      : row.expiresAt.getTime() <= now
        ? "expired"
        : stillMembers.has(createdById)
          ? "active"
          : "creator_left",
  }));
}
