import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role, Scope } from "@/lib/auth/roles";

/**
 * Who is acting. `via` records how they authenticated: a person by session cookie or bearer JWT, or
 * a machine by an API key (lib/auth/api-keys). A key acts for the member who created it (`userId`,
 * who answers for it) and only within its own `scopes`; its `role` is that member's current role,
 * lowered to the least role holding the key's scopes, so a check of the role alone never grants a
 * key more than its scopes. Check permissions with `actorHasScope` (lib/auth/actor-scope.ts).
 */
export type Actor =
  | { userId: string; role: Role; via: "session" | "bearer" }
  | { userId: string; role: Role; via: "api_key"; apiKeyId: string; scopes: readonly Scope[] };

/** The explicit context every tenant-scoped domain function takes. */
export type TenantContext = { tenantId: string; actor: Actor; db: PrismaClient };

/** The part of the context work without a person needs (task workflows): the tenant and the database. */
export type TenantScope = Pick<TenantContext, "tenantId" | "db">;
