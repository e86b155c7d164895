import Link from "next/link";
import { LocalTime } from "@/components/connections/local-time";
import { LineageGraph } from "@/components/dcl/lineage-graph";
import { MappingReviewTable } from "@/components/dcl/mapping-review-table";
import { MappingsInForce } from "@/components/dcl/mappings-in-force";
import { OntologyFieldsTable } from "@/components/dcl/ontology-fields-table";
import { RebuildViews } from "@/components/dcl/rebuild-views";
import { ViewsTable } from "@/components/dcl/views-table";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { Card } from "@/components/ui/card";
import { PageHeading } from "@/components/ui/page-heading";
import { roleHasScope } from "@/lib/auth/roles";
import { getOntologyPage } from "@/lib/dcl/ontology-page";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Ontology" };

export default async function OntologyPage() {
  const ctx = await requirePageContext();
  const { connectionNames, graph, views, fields, proposed, mapped, people, approvedSinceBuild, targets, rebuildStatus } =
    await getOntologyPage({ ctx });
  const canWrite = roleHasScope(ctx.actor.role, "dcl:write");
  const hasConnections = Object.keys(connectionNames).length > 0;
  return (
    <div className="space-y-6">
      <RefreshOnEvents types={["dcl.views.rebuilt", "inbox.changed"]} />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <PageHeading title="Ontology" panel="ontology" />
          <p className="text-slate-600 dark:text-slate-300">
            How your sources&apos; records reach the unified model, and the mappings that put them there.
          </p>
          {hasConnections && (
            <p className="text-sm text-slate-500 dark:text-slate-400" data-testid="built-at">
              {views.builtAt ? (
                <>
                  Views built <LocalTime value={views.builtAt} />
                </>
              ) : canWrite ? (
                "The views have not been built yet"
              ) : (
                "The views have not been built yet; they are built after a sync brings records, or by someone who can edit this workspace"
              )}{" "}
              · ontology {views.ontologyVersion}
              {approvedSinceBuild > 0 && (
                <span className="font-medium text-amber-700 dark:text-amber-300">
                  {" "}
                  · {approvedSinceBuild} approved mapping{approvedSinceBuild === 1 ? "" : "s"} not in the views yet
                </span>
              )}
            </p>
          )}
        </div>
        {hasConnections && <RebuildViews status={rebuildStatus} canWrite={canWrite} />}
      </header>
      {!hasConnections ? (
        <Card>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            No connections yet, so there is nothing to map. The unified views are built from your sources&apos; records: add a source in{" "}
            <Link href="/connections" className="font-medium text-brand-700 hover:underline dark:text-blue-300">
              Connections
            </Link>
            , and its data appears here once it syncs.
          </p>
        </Card>
      ) : (
        <>
          <Card title="Lineage">
            <LineageGraph nodes={graph.nodes} edges={graph.edges} />
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
              Connections → streams → unified views → agents. Line width follows the rows flowing (log scale); click a view to open it.
            </p>
          </Card>
          <ViewsTable views={views.views} connectionNames={connectionNames} />
          <MappingReviewTable proposed={proposed} targets={targets} connectionNames={connectionNames} people={people} canWrite={canWrite} />
          <OntologyFieldsTable fields={fields} connectionNames={connectionNames} people={people} />
          <MappingsInForce mapped={mapped} connectionNames={connectionNames} people={people} canWrite={canWrite} />
        </>
      )}
    </div>
  );
}
