import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { getConnection } from "@/lib/aam/connections";
import { connectionFigures } from "@/lib/aam/connection-figures";
import { driftTimeline } from "@/lib/aam/drift/timeline";
import { queryEvents, queryQuarantine, queryStreams } from "@/lib/aam/streams";
import { uploadedFiles } from "@/lib/aam/uploads";

const QUARANTINED = 20;
const RECENT_RECORDS = 10;

/**
 * Everything a connection's page shows, with one ownership check (NotFoundError for a missing
 * connection or another tenant's); every query below filters by tenant as well.
 */
export async function getConnectionDetail({ ctx, id }: { ctx: TenantContext; id: string }) {
  const connection = await getConnection({ ctx, id });
  const isUpload = connection.type === "file" && connection.config.source === "upload";
  const [streams, drift, pending, quarantine, records, files] = await Promise.all([
    queryStreams(ctx, id),
    driftTimeline({ ctx, connectionId: id }),
    ctx.db.driftEvent.findFirst({ where: { tenantId: ctx.tenantId, connectionId: id, status: "pending" }, select: { id: true } }),
    queryQuarantine(ctx, id, { limit: QUARANTINED }),
    queryEvents(ctx, id, { limit: RECENT_RECORDS }),
    isUpload ? uploadedFiles(ctx, id) : null,
  ]);
  return {
    connection,
    streams,
    figures: await connectionFigures(ctx, connection, streams),
    drift,
    hasPendingChanges: pending !== null || streams.some((s) => s.pendingSchema),
    quarantine: quarantine.records,
    quarantineLimit: QUARANTINED,
    records: records.events,
    files,
  };
}
