import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { getDb } from "@/lib/db";
import { resolvePageContext } from "@/lib/auth/request-auth";
import { actorHasScope, scopeRefusal } from "@/lib/auth/actor-scope";
import type { Scope } from "@/lib/auth/roles";
import type { TenantContext } from "@/lib/auth/context";
import { spendTenantBudget, type RateBudget } from "@/lib/quotas/rate-limits";
import { toSafeError } from "@/lib/safe-error";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * The one wrapper for server actions, the twin of withTenant for REST: resolves the signed-in
 * caller's tenant context, checks the scope, parses the input with zod, spends the tenant budget
 * named by `rateLimit` (the same budgets as the REST routes), and turns errors into a message the
 * UI can show (lib/safe-error.ts: internal errors are logged and answered with a reference).
 */
export function tenantAction<S extends z.ZodType, T>(
  schema: S,
  scope: Scope,
  fn: (args: { ctx: TenantContext; input: z.output<S> }) => Promise<T>,
  options: { rateLimit?: RateBudget } = {},
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const ctx = await resolvePageContext((await headers()).get("cookie") ?? "", await getDb());
      if (!ctx) return { ok: false, error: "Your session has expired; sign in again" };
      if (!actorHasScope(ctx.actor, scope)) return { ok: false, error: scopeRefusal(ctx.actor, scope) };
      const input = schema.safeParse(raw);
      if (!input.success) return { ok: false, error: input.error.issues[0]?.message ?? "Invalid input" };
      if (options.rateLimit) await spendTenantBudget(ctx.tenantId, options.rateLimit);
      return { ok: true, data: await fn({ ctx, input: input.data }) };
    } catch (error) {
      return { ok: false, error: toSafeError(error, { action: "server action", scope }).message };
    }
  };
}
