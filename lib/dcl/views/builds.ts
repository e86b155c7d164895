import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { getStore } from "@/lib/store";

export type ViewSource = { connectionId: string; stream: string; entity: string; rows: number; mappedFields: number; mappingVersion: number };
export type BuildEntity = { entity: string; rows: number; objectKey: string; columns: string[] };
export type BuildSummary = { id: string | null; builtAt: string; ontologyVersion: string; recordsLoaded: number; entities: { entity: string; rows: number }[]; sources: ViewSource[] };

const EMPTY_BUILD: BuildSummary = { id: null, builtAt: "", ontologyVersion: "", recordsLoaded: 0, entities: [], sources: [] };

/**
 * The tenant's current build, read from PostgreSQL on every call: one primary-key lookup, always
 * the latest on every process and machine (no cache to go stale). Empty before the first build.
 */
export async function readBuild(scope: TenantScope): Promise<BuildSummary> {
  const build = await currentBuild(scope);
  if (!build) return EMPTY_BUILD;
  return {
    id: build.id,
    builtAt: build.builtAt.toISOString(),
    ontologyVersion: build.ontologyVersion,
    recordsLoaded: build.recordsLoaded,
    entities: build.entities.map((e) => ({ entity: e.entity, rows: e.rows })),
    sources: [...build.sources].sort((a, b) => a.entity.localeCompare(b.entity) || a.connectionId.localeCompare(b.connectionId) || a.stream.localeCompare(b.stream)),
  };
}

async function currentBuild(scope: TenantScope) {
  const head = await scope.db.viewHead.findUnique({ where: { tenantId: scope.tenantId }, select: { buildId: true } });
  if (!head) return null;
  const build = await scope.db.viewBuild.findFirst({ where: { id: head.buildId, tenantId: scope.tenantId } });
  if (!build) return null;
  return { ...build, entities: build.entities as BuildEntity[], sources: build.sources as ViewSource[] };
}

/** The current build's file of one entity, as a local path to read, with the columns it has; null when not built. */
export async function currentEntityFile(scope: TenantScope, entity: string): Promise<{ path: string; columns: string[] } | null> {
  const build = await currentBuild(scope);
  const file = build?.entities.find((e) => e.entity === entity);
  if (!file) return null;
  return { path: await (await getStore()).localPath(file.objectKey), columns: file.columns };
}
