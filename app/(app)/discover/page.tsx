import { ConnectSource } from "@/components/discover/connect-source";
import { DiscoverEmpty } from "@/components/discover/discover-empty";
import { DiscoverSummary } from "@/components/discover/discover-summary";
import { DiscoveredStreams } from "@/components/discover/discovered-streams";
import { SourceUniverse } from "@/components/discover/source-universe";
import { UnmappedFields } from "@/components/discover/unmapped-fields";
import { PageHeading } from "@/components/ui/page-heading";
import { CONNECTORS } from "@/lib/aam/connectors/registry";
import { roleHasScope } from "@/lib/auth/roles";
import { getDiscoverPage } from "@/lib/discover/read-model";
import { toUniverse } from "@/lib/discover/universe";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Discover" };

const SOURCE_TYPES = Object.values(CONNECTORS).map((spec) => spec.label);

export default async function DiscoverPage() {
  const ctx = await requirePageContext();
  const { connections, totals, autoApproveThreshold } = await getDiscoverPage({ ctx });
  const canWrite = roleHasScope(ctx.actor.role, "aam:write");
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <PageHeading title="Discover" panel="discover" />
        <p className="text-slate-600 dark:text-slate-300">
          What the platform found in your sources, and what it could connect to the unified model.
        </p>
      </header>
      {connections.length === 0 ? (
        <DiscoverEmpty sourceTypes={SOURCE_TYPES} canWrite={canWrite} />
      ) : (
        <>
          <DiscoverSummary totals={totals} />
          {/* Phones read streams, then what is unmapped and how to connect more, then the universe; wide screens keep the universe under the streams. */}
          <div className="grid gap-6 xl:grid-cols-3 xl:grid-rows-[auto_1fr] xl:items-start">
            <div className="min-w-0 xl:col-span-2">
              <DiscoveredStreams connections={connections} autoApproveThreshold={autoApproveThreshold} />
            </div>
            <div className="min-w-0 space-y-6 xl:row-span-2">
              <UnmappedFields connections={connections} totals={totals} />
              <ConnectSource sourceTypes={SOURCE_TYPES} canWrite={canWrite} />
            </div>
            <div className="min-w-0 xl:col-span-2">
              <SourceUniverse sources={toUniverse(connections)} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
