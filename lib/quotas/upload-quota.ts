import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/format";
import { QuotaExceededError } from "@/lib/errors";
import { tenantUploadRoot } from "@/lib/aam/connectors/file/location";

/**
 * The tenant's upload quota (AOS_TENANT_UPLOAD_QUOTA_BYTES) counts every stored file in every
 * upload folder of the tenant, as found on disk. Files still being written (dot-names) are not
 * counted: each is bounded by MAX_UPLOAD_BYTES and only moves into place after a fresh check.
 */
export async function storedUploadBytes(tenantId: string): Promise<number> {
  const root = tenantUploadRoot(tenantId);
  const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const folder of folders.filter((f) => f.isDirectory())) {
    const dir = path.join(root, folder.name);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => !n.startsWith("."))) total += await sizeOf(path.join(dir, name));
  }
  return total;
}

/**
 * Measures the quota now and answers a check for a file of `bytes` stored at `target`, where the
 * file it replaces (if any) is freed. The check throws QuotaExceededError (413).
 */
export async function uploadQuotaCheck(tenantId: string, target: string): Promise<(bytes: number) => void> {
  const [used, replaced] = await Promise.all([storedUploadBytes(tenantId), sizeOf(target)]);
  const limit = env.tenantUploadQuotaBytes;
  return (bytes) => {
    if (used - replaced + bytes <= limit) return;
    throw new QuotaExceededError(
      `This workspace may store ${formatBytes(limit)} of uploaded files and ${formatBytes(used)} are in use; the file does not fit. Delete an upload connection to free space.`,
    );
  };
}

async function sizeOf(file: string): Promise<number> {
  return (await stat(file).catch(() => null))?.size ?? 0;
}
