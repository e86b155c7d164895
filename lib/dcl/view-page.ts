import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { queryView, ViewQuery } from "./views/query";

/**
 * A unified view's page: one page of rows from the build current now (never a cached one, so a
 * page refreshed on `dcl.views.rebuilt` shows that build), and whether the tenant has a source to
 * build views from. Throws NotFoundError for an unknown entity, ValidationError for a bad query.
 */
export async function getViewPage({ ctx, entity, query }: { ctx: TenantContext; entity: string; query: Record<string, string> }) {
  const [view, connections] = await Promise.all([
    queryView(ctx, entity, ViewQuery.parse(query), { fresh: true }),
    ctx.db.connection.count({ where: { tenantId: ctx.tenantId } }),
  ]);
  return { view, hasConnections: connections > 0 };
}
