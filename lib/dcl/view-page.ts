import "server-only";
import { z } from "zod";
import type { TenantContext } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import { queryView, viewCursor, ViewQuery } from "./views/query";

const Offset = z.coerce.number().int().min(0);

/**
 * A unified view's page: one page of rows from the build current now (never a cached one, so a
 * page refreshed on `dcl.views.rebuilt` shows that build), and whether the tenant has a source to
 * build views from. The page's own URLs say where a page starts (`offset`: its Previous link counts
 * back), read as the cursor of that position. Throws NotFoundError for an unknown entity,
 * ValidationError for a bad query.
 */
export async function getViewPage({ ctx, entity, query }: { ctx: TenantContext; entity: string; query: Record<string, string> }) {
  const [view, connections] = await Promise.all([
    queryView(ctx, entity, pageQuery(query), { fresh: true }),
    ctx.db.connection.count({ where: { tenantId: ctx.tenantId } }),
  ]);
  return { view, hasConnections: connections > 0 };
}

function pageQuery({ offset, ...query }: Record<string, string>): ViewQuery {
  const parsed = ViewQuery.parse(query);
  if (offset === undefined) return parsed;
  const start = Offset.safeParse(offset);
  if (!start.success) throw new ValidationError("invalid paging", [{ path: "offset", message: "expected a whole number, 0 or more" }]);
  return { ...parsed, cursor: viewCursor(start.data) };
}
