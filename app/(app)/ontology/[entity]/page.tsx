import Link from "next/link";
import { notFound } from "next/navigation";
import { ViewFilters } from "@/components/dcl/view-filters";
import { toViewParams, viewHref, type ViewParams } from "@/components/dcl/view-href";
import { ViewTable } from "@/components/dcl/view-table";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { Card, ErrorText } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import type { TenantContext } from "@/lib/auth/context";
import { roleHasScope } from "@/lib/auth/roles";
import { OntologyName } from "@/lib/dcl/ontology/definition";
import { getViewPage } from "@/lib/dcl/view-page";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePageContext } from "../../page-context";

type Props = { params: Promise<{ entity: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const LINK = "font-medium text-brand-700 hover:underline dark:text-blue-300";

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const entity = OntologyName.safeParse((await params).entity);
  return { title: entity.success ? `${entity.data} view` : "Unified view" };
}

export default async function UnifiedViewPage({ params, searchParams }: Props) {
  const ctx = await requirePageContext();
  const entity = OntologyName.safeParse((await params).entity);
  if (!entity.success) notFound();
  const query = toViewParams(await searchParams);
  const result = await loadView(ctx, entity.data, query);
  return (
    <div className="space-y-6">
      <RefreshOnEvents types={["dcl.views.rebuilt"]} />
      <header className="space-y-1">
        <Link href="/ontology" className="text-sm text-slate-600 hover:underline dark:text-slate-300">
          ← Ontology
        </Link>
        <h1 className="font-mono text-2xl font-bold">{entity.data}</h1>
        <p className="text-slate-600 dark:text-slate-300">
          The unified view: every source feeding it, mapped onto the ontology. The muted columns say where each row came from.
        </p>
      </header>
      {"error" in result ? (
        <div className="space-y-2">
          <ErrorText>{result.error}</ErrorText>
          <Link href={viewHref(entity.data, {}, {})} className={`text-sm ${LINK}`}>
            Clear the sort and filters
          </Link>
        </div>
      ) : !result.view.built ? (
        <Card>
          <p className={`text-sm ${MUTED}`} data-testid="view-not-built">
            <NotBuilt
              hasConnections={result.hasConnections}
              canAddSource={roleHasScope(ctx.actor.role, "aam:write")}
              canRebuild={roleHasScope(ctx.actor.role, "dcl:write")}
            />
          </p>
        </Card>
      ) : (
        <>
          <ViewFilters entity={entity.data} params={query} columns={result.view.columns.map((c) => ({ name: c.name, type: c.type }))} />
          <ViewTable view={result.view} params={query} />
        </>
      )}
    </div>
  );
}

/** Why there are no rows yet, and the next step this person can actually take. */
function NotBuilt({ hasConnections, canAddSource, canRebuild }: { hasConnections: boolean; canAddSource: boolean; canRebuild: boolean }) {
  if (!hasConnections) {
    return canAddSource ? (
      <>
        Connect a source first: the views are built from your sources&apos; records. Add one in{" "}
        <Link href="/connections" className={LINK}>
          Connections
        </Link>
        ; the views fill once it syncs.
      </>
    ) : (
      <>
        No source is connected yet, and the views are built from your sources&apos; records. Someone who can edit this workspace adds one in{" "}
        <Link href="/connections" className={LINK}>
          Connections
        </Link>
        ; the views fill once it syncs.
      </>
    );
  }
  return canRebuild ? (
    <>
      This view has not been built yet. The views are rebuilt after each sync that brings records; to build them now, use Rebuild views on
      the{" "}
      <Link href="/ontology" className={LINK}>
        Ontology
      </Link>{" "}
      page.
    </>
  ) : (
    <>
      This view has not been built yet. The views are rebuilt after each sync that brings records, or when someone who can edit this
      workspace rebuilds them on the{" "}
      <Link href="/ontology" className={LINK}>
        Ontology
      </Link>{" "}
      page.
    </>
  );
}

/** An unknown entity is a 404; a bad sort, filter or page size is shown on the page. */
async function loadView(ctx: TenantContext, entity: string, query: ViewParams) {
  try {
    return await getViewPage({ ctx, entity, query });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ValidationError) return { error: error.message };
    throw error;
  }
}
