import { ConnectionList } from "@/components/connections/connection-list";
import { NewConnectionForm } from "@/components/connections/new-connection-form";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { PageHeading } from "@/components/ui/page-heading";
import { CONNECTORS } from "@/lib/aam/connectors/registry";
import type { ConnectionType } from "@/lib/aam/schemas";
import { listConnectors } from "@/lib/aam/overview";
import { roleHasScope } from "@/lib/auth/roles";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Connections" };

const TYPES = Object.entries(CONNECTORS).map(([type, spec]) => [type as ConnectionType, spec.label] as [ConnectionType, string]);

export default async function ConnectionsPage() {
  const ctx = await requirePageContext();
  const connectors = await listConnectors({ ctx });
  return (
    <div className="space-y-6">
      <RefreshOnEvents types={["task.updated", "aam.sync.completed", "aam.drift.detected"]} />
      <header>
        <PageHeading title="Connections" panel="connectionList" />
        <p className="text-slate-600 dark:text-slate-300">
          The sources the Adaptive API Mesh reads, their status and the schema changes it has seen.
        </p>
      </header>
      <ConnectionList connectors={connectors} typeLabels={Object.fromEntries(TYPES)} />
      {roleHasScope(ctx.actor.role, "aam:write") && <NewConnectionForm types={TYPES} />}
    </div>
  );
}
