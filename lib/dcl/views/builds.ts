import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { getStore } from "@/lib/store";
import { recentBuilds } from "./page-cache";
import type { BuildSummary, ViewSource } from "./schemas";

/**
 * One Parquet file of an entity's view: the rows one source stream contributed from its segments
 * up to `throughSeq` (when written, the stream had `segmentCount` segments up to there). A part is
 * immutable and may belong to several builds: a build reuses the parts nothing has changed.
 * `signature` identifies the projection that wrote it (the entity's fields and the mappings).
 */
export type ViewPart = {
  objectKey: string;
  connectionId: string;
  stream: string;
  signature: string;
  throughSeq: number;
  segmentCount: number;
  rows: number;
};
export type BuildEntity = { entity: string; rows: number; columns: string[]; parts: ViewPart[] };
export type { BuildSummary, ViewSource };

const EMPTY_BUILD: BuildSummary = { id: null, builtAt: "", ontologyVersion: "", recordsLoaded: 0, entities: [], sources: [] };

/** `fresh`: read the current build now, past the one-second cache (a page refreshed on `dcl.views.rebuilt`). */
export type BuildRead = { fresh?: boolean };

/**
 * The tenant's current build as readers see it: the latest made in this process, or on another
 * machine at most a second ago (with `fresh`, the one current now). Empty before the first build.
 */
export async function readBuild(scope: TenantScope, { fresh = false }: BuildRead = {}): Promise<BuildSummary> {
  const build = await (fresh ? currentBuild(scope) : recentBuild(scope));
  if (!build) return EMPTY_BUILD;
  return {
    id: build.id,
    builtAt: build.builtAt.toISOString(),
    ontologyVersion: build.ontologyVersion,
    recordsLoaded: build.recordsLoaded,
    entities: build.entities.map((e) => ({ entity: e.entity, rows: e.rows })),
    sources: [...build.sources].sort(
      (a, b) => a.entity.localeCompare(b.entity) || a.connectionId.localeCompare(b.connectionId) || a.stream.localeCompare(b.stream),
    ),
  };
}

/** The current build as readers see it: `currentBuild`, at most a second old (lib/dcl/views/page-cache.ts). */
function recentBuild(scope: TenantScope): ReturnType<typeof currentBuild> {
  return recentBuilds.get(
    scope.tenantId,
    () => currentBuild(scope),
    (b) => JSON.stringify(b?.entities ?? null).length * 2 + 1_000,
  );
}

/** The current build with its entities' parts, read now; null before the first build. */
export async function currentBuild(scope: TenantScope) {
  const head = await scope.db.viewHead.findUnique({ where: { tenantId: scope.tenantId }, select: { buildId: true } });
  if (!head) return null;
  const build = await scope.db.viewBuild.findFirst({ where: { id: head.buildId, tenantId: scope.tenantId } });
  if (!build) return null;
  return { ...build, entities: buildEntities(build.entities), sources: build.sources as ViewSource[] };
}

/** A build's entities as stored in its `entities` column. */
export function buildEntities(json: unknown): BuildEntity[] {
  return json as BuildEntity[];
}

/** The current build's files of one entity, as local paths to read, with the columns they have and the build's id; null when not built. */
export async function currentEntityFiles(
  scope: TenantScope,
  entity: string,
  { fresh = false }: BuildRead = {},
): Promise<{ buildId: string; paths: string[]; columns: string[] } | null> {
  const build = await (fresh ? currentBuild(scope) : recentBuild(scope));
  const built = build?.entities.find((e) => e.entity === entity);
  if (!build || !built) return null;
  const store = await getStore();
  return { buildId: build.id, paths: await Promise.all(built.parts.map((p) => store.localPath(p.objectKey))), columns: built.columns };
}
