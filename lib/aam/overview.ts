import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import type { ConnectorPage, ConnectorSummary, ListConnectorsQuery } from "@/lib/aam/schemas";
import { Prisma } from "@/lib/generated/prisma/client";
import { toPage } from "@/lib/db/page";
import { log } from "@/lib/log";

export type { ConnectorSummary };

/**
 * A page of the tenant's connections, oldest first (keyset on created_at, id: the page starts
 * after the cursor's connection), each with its mapping count and latest drift event, in one
 * statement however many connections the page holds (lateral joins, no per-connection round
 * trips). Each lateral is one probe of an index that leads with tenant_id, the row-level security filter's column:
 * the drift lookups use drift_events_tenant_id_connection_id_created_at_id_idx and the partial
 * drift_events_open_idx, whose predicate is the open-drift condition below, word for word.
 * `has_drift`: a change waits for approval, or a breaking one was applied and is not yet resolved.
 * `mapping_count`: source fields whose latest mapping version is not rejected.
 * `last_sync_*`: when the latest sync ended and how.
 */
export async function listConnectors({ ctx, query }: { ctx: TenantContext; query: ListConnectorsQuery }): Promise<ConnectorPage> {
  const started = performance.now();
  const after = query.cursor
    ? Prisma.sql`AND (c.created_at, c.id) > (SELECT a.created_at, a.id FROM connections a WHERE a.id = ${query.cursor}::uuid AND a.tenant_id = ${ctx.tenantId}::uuid)`
    : Prisma.empty;
  const rows = await ctx.db.$queryRaw<ConnectorSummary[]>`
    SELECT c.id, c.name, c.type::text AS source_type, c.status::text AS status,
           COALESCE(m.mapping_count, 0)::int AS mapping_count,
           COALESCE(open_drift.present, false) AS has_drift,
           last_event.kind AS last_event_type, last_event.created_at AS last_event_at,
           c.last_sync_at, c.last_sync_status
      FROM connections c
      LEFT JOIN LATERAL (
        SELECT count(*) AS mapping_count
          FROM (SELECT DISTINCT ON (r.source_stream, r.source_field) r.status
                  FROM mapping_registry r
                 WHERE r.tenant_id = c.tenant_id AND r.connection_id = c.id
                 ORDER BY r.source_stream, r.source_field, r.version DESC) latest
         WHERE latest.status <> 'rejected'
      ) m ON true
      LEFT JOIN LATERAL (
        SELECT true AS present
          FROM drift_events e
         WHERE e.tenant_id = c.tenant_id AND e.connection_id = c.id
           AND (e.status = 'pending' OR (e.status = 'applied' AND e.severity <> 'non_breaking' AND e.resolved_at IS NULL))
         LIMIT 1
      ) open_drift ON true
      LEFT JOIN LATERAL (
        SELECT e.kind, e.created_at
          FROM drift_events e
         WHERE e.tenant_id = c.tenant_id AND e.connection_id = c.id
         ORDER BY e.created_at DESC, e.id DESC
         LIMIT 1
      ) last_event ON true
     WHERE c.tenant_id = ${ctx.tenantId}::uuid ${after}
     ORDER BY c.created_at, c.id
     LIMIT ${query.limit + 1}`;
  log.info("aam connectors listed", { tenantId: ctx.tenantId, connections: rows.length, ms: Math.round(performance.now() - started) });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { connectors: items, nextCursor };
}
