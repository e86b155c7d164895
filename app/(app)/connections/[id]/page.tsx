import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionActions } from "@/components/connections/connection-actions";
import { ConnectionKpis } from "@/components/connections/connection-kpis";
import { ConnectionSettings } from "@/components/connections/connection-settings";
import { DriftTimeline } from "@/components/connections/drift-timeline";
import { QuarantineTable } from "@/components/connections/quarantine-table";
import { SafeModeNotice } from "@/components/connections/safe-mode-notice";
import { RecentRecords } from "@/components/connections/recent-records";
import { StatusBadge } from "@/components/connections/status-badge";
import { StreamList } from "@/components/connections/stream-list";
import { UploadFiles } from "@/components/connections/upload-files";
import { STREAM_NOUNS } from "@/components/connections/words";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { SyncProgress } from "@/components/live/sync-progress";
import { getConnectionDetail } from "@/lib/aam/connection-detail";
import { CONNECTORS } from "@/lib/aam/connectors/registry";
import { ConnectionParams } from "@/lib/aam/schemas";
import type { TenantContext } from "@/lib/auth/context";
import { roleHasScope } from "@/lib/auth/roles";
import { NotFoundError } from "@/lib/errors";
import { requirePageContext } from "../../page-context";

export const metadata = { title: "Connection" };

export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const parsed = ConnectionParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { connection, streams, figures, drift, hasPendingChanges, quarantine, quarantineLimit, records, files } = await loadConnection(
    ctx,
    parsed.data.id,
  );
  const canWrite = roleHasScope(ctx.actor.role, "aam:write");
  const typeLabel = CONNECTORS[connection.type].label;
  const noun = STREAM_NOUNS[connection.type];
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href="/connections" className="text-sm text-slate-600 hover:underline dark:text-slate-300">
          ← Connections
        </Link>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold [overflow-wrap:anywhere]">
          {connection.name} <StatusBadge status={connection.status} />
        </h1>
        <p className="text-slate-600 dark:text-slate-300">
          {typeLabel}
          {connection.statusMessage && <>: {connection.statusMessage}</>}
        </p>
      </header>
      {connection.safeMode && <SafeModeNotice sampleRowLimit={connection.sampleRowLimit} canWrite={canWrite} />}
      <RefreshOnEvents types={["task.updated", "aam.sync.completed", "aam.drift.detected", "dcl.views.rebuilt"]} />
      <SyncProgress connectionId={connection.id} noun={noun.many} />
      {canWrite && (
        <ConnectionActions
          id={connection.id}
          status={connection.status}
          hasPendingChanges={hasPendingChanges}
          safeMode={connection.safeMode}
        />
      )}
      <ConnectionKpis figures={figures} streamsLabel={noun.many.charAt(0).toUpperCase() + noun.many.slice(1)} />
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <ConnectionSettings connection={connection} typeLabel={typeLabel} canWrite={canWrite} />
        {files ? (
          <UploadFiles id={connection.id} files={files} problems={figures.lastSync.problems} canWrite={canWrite} />
        ) : (
          <DriftTimeline connectionId={connection.id} {...drift} />
        )}
      </div>
      <StreamList streams={streams} figures={figures.byStream} problems={figures.lastSync.problems} noun={noun} />
      {files && <DriftTimeline connectionId={connection.id} {...drift} />}
      <QuarantineTable records={quarantine} limit={quarantineLimit} />
      <RecentRecords events={records} />
    </div>
  );
}

/** A missing connection, or another tenant's, is a 404. */
async function loadConnection(ctx: TenantContext, id: string) {
  try {
    return await getConnectionDetail({ ctx, id });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
