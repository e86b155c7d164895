import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ConnectionList } from "@/components/connections/connection-list";
import { NewConnectionForm } from "@/components/connections/new-connection-form";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { PageHeading } from "@/components/ui/page-heading";
import { MUTED } from "@/components/ui/tone";
import { CONNECTORS } from "@/lib/aam/connectors/registry";
import type { ConnectionType } from "@/lib/aam/schemas";
import { listConnectors } from "@/lib/aam/overview";
import { roleHasScope } from "@/lib/auth/roles";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Connections" };

const TYPES = Object.entries(CONNECTORS).map(([type, spec]) => [type as ConnectionType, spec.label] as [ConnectionType, string]);

/** Connections one page lists; `?after=<id>` goes on from a page's last. */
const PAGE_SIZE = 200;
const Query = z.object({ after: z.uuid().optional().catch(undefined) });

export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const { after } = Query.parse(await searchParams);
  const { connectors, nextCursor } = await listConnectors({ ctx, query: { limit: PAGE_SIZE, cursor: after } });
  // A link whose connection is gone (or never was) lists nothing after it: start again rather than say there are none.
  if (after && connectors.length === 0) redirect("/connections");
  const link = "font-medium text-brand-700 hover:underline dark:text-blue-300";
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
      {(after || nextCursor) && (
        <nav aria-label="More connections" className={`flex gap-4 text-sm ${MUTED}`}>
          {after && (
            <Link href="/connections" className={link}>
              First connections
            </Link>
          )}
          {nextCursor && (
            <Link href={`/connections?after=${nextCursor}`} className={link}>
              Next {PAGE_SIZE} connections
            </Link>
          )}
        </nav>
      )}
      {roleHasScope(ctx.actor.role, "aam:write") && <NewConnectionForm types={TYPES} />}
    </div>
  );
}
