import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { collectReleasedUploads } from "@/lib/aam/connectors/file/uploaded";
import { buildEntities } from "@/lib/dcl/views/builds";
import { log } from "@/lib/log";
import { getStore, storeKeys } from "./index";

/** Older than any write in progress (a sync holds its lock at most 30 minutes) before it can be garbage. */
const MIN_AGE_MS = 60 * 60_000;

/**
 * Deletes the tenant's files no catalog row names: segments of a read that died before its commit
 * or of a deleted connection, files of a view build that died or was deleted, uploads released an
 * hour ago (replaced or deleted; see collectReleasedUploads), and uploads never listed (a put whose
 * listing failed). Only files older
 * than an hour, so nothing being written now is touched.
 */
export async function collectGarbage(scope: TenantScope): Promise<{ deleted: number }> {
  const store = await getStore();
  const released = await collectReleasedUploads(scope);
  const [segments, builds, uploads, releasing] = await Promise.all([
    scope.db.recordSegment.findMany({ where: { tenantId: scope.tenantId }, select: { objectKey: true } }),
    scope.db.viewBuild.findMany({ where: { tenantId: scope.tenantId }, select: { entities: true } }),
    scope.db.uploadedFile.findMany({ where: { tenantId: scope.tenantId }, select: { objectKey: true } }),
    // Released less than an hour ago: a sync may still read them (collectReleasedUploads takes them later).
    scope.db.releasedUpload.findMany({ where: { tenantId: scope.tenantId }, select: { objectKey: true } }),
  ]);
  const known = new Set([
    ...segments.map((s) => s.objectKey),
    ...builds.flatMap((b) => buildEntities(b.entities).flatMap((e) => e.parts.map((p) => p.objectKey))),
    ...uploads.map((u) => u.objectKey),
    ...releasing.map((r) => r.objectKey),
  ]);
  const cutoff = Date.now() - MIN_AGE_MS;
  const prefixes = [storeKeys.records(scope.tenantId), storeKeys.views(scope.tenantId), storeKeys.uploads(scope.tenantId)];
  const listed = (await Promise.all(prefixes.map((p) => store.list(p)))).flat();
  const garbage = listed.filter((o) => !known.has(o.key) && o.modifiedAt.getTime() < cutoff).map((o) => o.key);
  if (garbage.length) {
    await store.delete(garbage);
    log.info("store garbage collected", { tenantId: scope.tenantId, files: garbage.length });
  }
  return { deleted: garbage.length + released };
}
