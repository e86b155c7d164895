import Link from "next/link";
import { notFound } from "next/navigation";
import { ViewFilters } from "@/components/dcl/view-filters";
import { toViewParams, viewHref, type ViewParams } from "@/components/dcl/view-href";
import { ViewTable } from "@/components/dcl/view-table";
import { ErrorText } from "@/components/ui/card";
import type { TenantContext } from "@/lib/auth/context";
import { OntologyName } from "@/lib/dcl/ontology/definition";
import { queryView, ViewQuery } from "@/lib/dcl/views/query";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePageContext } from "../../page-context";

type Props = { params: Promise<{ entity: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

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
      <header className="space-y-1">
        <Link href="/ontology" className="text-sm text-slate-600 hover:underline dark:text-slate-300">← Ontology</Link>
        <h1 className="font-mono text-2xl font-bold">{entity.data}</h1>
        <p className="text-slate-600 dark:text-slate-300">The unified view: every source feeding it, mapped onto the ontology. The muted columns say where each row came from.</p>
      </header>
      {"error" in result ? (
        <div className="space-y-2">
          <ErrorText>{result.error}</ErrorText>
          <Link href={viewHref(entity.data, {}, {})} className="text-sm font-medium text-brand-700 hover:underline dark:text-blue-300">Clear the sort and filters</Link>
        </div>
      ) : !result.view.built ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          This view has not been built yet. Rebuild the views on the <Link href="/ontology" className="font-medium text-brand-700 hover:underline dark:text-blue-300">Ontology</Link> page.
        </p>
      ) : (
        <>
          <ViewFilters entity={entity.data} params={query} columns={result.view.columns.map((c) => c.name)} />
          <ViewTable view={result.view} params={query} />
        </>
      )}
    </div>
  );
}

/** An unknown entity is a 404; a bad sort, filter or page size is shown on the page. */
async function loadView(ctx: TenantContext, entity: string, query: ViewParams) {
  try {
    return { view: await queryView(ctx, entity, ViewQuery.parse(query)) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ValidationError) return { error: error.message };
    throw error;
  }
}
