import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/format";
import { QuotaExceededError } from "@/lib/errors";

/**
 * The tenant's upload quota (AOS_TENANT_UPLOAD_QUOTA_BYTES) counts every file of every upload
 * connection of the tenant, and the replaced or deleted ones still stored (for an hour after their
 * release), so re-uploading a name cannot store past the quota meanwhile.
 */
async function storedUploadBytes(scope: TenantScope): Promise<number> {
  const [listed, released] = await Promise.all([
    scope.db.uploadedFile.aggregate({ where: { tenantId: scope.tenantId }, _sum: { bytes: true } }),
    scope.db.releasedUpload.aggregate({ where: { tenantId: scope.tenantId }, _sum: { bytes: true } }),
  ]);
  return Number(listed._sum.bytes ?? 0) + Number(released._sum.bytes ?? 0);
}

/**
 * Measures the quota now and answers a check for a file of `bytes` stored as the connection's
 * `name`, where the file of that name it replaces (if any) is freed. The check throws
 * QuotaExceededError (413).
 */
export async function uploadQuotaCheck(scope: TenantScope, connectionId: string, name: string): Promise<(bytes: number) => void> {
  const [used, replaced] = await Promise.all([
    storedUploadBytes(scope),
    scope.db.uploadedFile.findFirst({ where: { tenantId: scope.tenantId, connectionId, name }, select: { bytes: true } }),
  ]);
  const freed = Number(replaced?.bytes ?? 0);
  const limit = env.tenantUploadQuotaBytes;
  return (bytes) => {
    if (used - freed + bytes <= limit) return;
    throw new QuotaExceededError(
      `This workspace may store ${formatBytes(limit)} of uploaded files and ${formatBytes(used)} are in use; the file does not fit. Delete files or an upload connection to free space.`,
    );
  };
}
