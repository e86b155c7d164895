import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionActions } from "@/components/connections/connection-actions";
import { ConnectionSummary } from "@/components/connections/connection-summary";
import { DriftEventTable } from "@/components/connections/drift-event-table";
import { QuarantineTable } from "@/components/connections/quarantine-table";
import { RecentRecords } from "@/components/connections/recent-records";
import { StatusBadge } from "@/components/connections/status-badge";
import { StreamList } from "@/components/connections/stream-list";
import { UploadFiles } from "@/components/connections/upload-files";
import { getConnection } from "@/lib/aam/connections";
import { CONNECTORS } from "@/lib/aam/connectors/registry";
import { listDriftEvents } from "@/lib/aam/drift/review";
import { ConnectionParams } from "@/lib/aam/schemas";
import { listEvents, listQuarantine, listStreams } from "@/lib/aam/streams";
import { listUploads } from "@/lib/aam/uploads";
import type { TenantContext } from "@/lib/auth/context";
import { roleHasScope } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { requirePageContext } from "../../page-context";

export const metadata = { title: "Connection" };

const DRIFT_EVENTS = 50;
const QUARANTINED = 20;
const RECENT_RECORDS = 10;

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const parsed = ConnectionParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { connection, streams, drift, hasPendingChanges, quarantine, records, files } = await loadConnection(ctx, parsed.data.id);
  const canWrite = roleHasScope(ctx.actor.role, "aam:write");
  const typeLabel = CONNECTORS[connection.type].label;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href="/connections" className="text-sm text-slate-600 hover:underline">← Connections</Link>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
          {connection.name} <StatusBadge status={connection.status} />
        </h1>
        <p className="text-slate-600">{typeLabel}{connection.statusMessage && <>: {connection.statusMessage}</>}</p>
      </header>
      {canWrite && <ConnectionActions id={connection.id} status={connection.status} hasPendingChanges={hasPendingChanges} />}
      <div className="grid gap-6 lg:grid-cols-2">
        <ConnectionSummary connection={connection} typeLabel={typeLabel} canWrite={canWrite} />
        {files && <UploadFiles id={connection.id} files={files} canWrite={canWrite} />}
      </div>
      <StreamList streams={streams} />
      <DriftEventTable events={drift} />
      <QuarantineTable records={quarantine} limit={QUARANTINED} />
      <RecentRecords events={records} />
    </div>
  );
}

/** Everything the page shows, scoped to the tenant. A missing connection, or another tenant's, is a 404. */
async function loadConnection(ctx: TenantContext, id: string) {
  try {
    const connection = await getConnection({ ctx, id });
    const isUpload = connection.type === "file" && connection.config.source === "upload";
    const [streams, drift, pending, quarantine, records, files] = await Promise.all([
      listStreams({ ctx, connectionId: id }),
      listDriftEvents({ ctx, query: { connectionId: id, limit: DRIFT_EVENTS } }),
      listDriftEvents({ ctx, query: { connectionId: id, status: "pending", limit: 1 } }),
      listQuarantine({ ctx, connectionId: id, query: { limit: QUARANTINED } }),
      listEvents({ ctx, connectionId: id, query: { limit: RECENT_RECORDS } }),
      isUpload ? listUploads({ ctx, connectionId: id }) : null,
    ]);
    return {
      connection,
      streams,
      drift: drift.events,
      hasPendingChanges: pending.events.length > 0 || streams.some((s) => s.pendingSchema),
      quarantine: quarantine.records,
      records: records.events,
      files,
    };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
