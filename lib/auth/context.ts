import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";

/** Who is acting. `via` records how they authenticated. */
export type Actor = { userId: string; role: Role; via: "session" | "bearer" };

/** The explicit context every tenant-scoped domain function takes. */
export type TenantContext = { tenantId: string; actor: Actor; db: PrismaClient };

/** The part of the context work without a person needs (task workflows): the tenant and the database. */
export type TenantScope = Pick<TenantContext, "tenantId" | "db">;
