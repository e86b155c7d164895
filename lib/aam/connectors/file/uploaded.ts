import "server-only";
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import type { TenantScope } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { getKv } from "@/lib/kv";
import { withLock } from "@/lib/kv/lock";
import { log } from "@/lib/log";
import { getStore, storeKeys } from "@/lib/store";
import { isReadableFileName } from "./config";

export type UploadObject = { objectKey: string; bytes: number };

/** Moves the local `file` into the store as a new object of the connection's uploads, not yet listed. `file` is gone afterwards, whatever happens. */
export async function putUploadObject(scope: TenantScope, connectionId: string, file: string): Promise<UploadObject> {
  const objectKey = storeKeys.upload({ tenantId: scope.tenantId, connectionId, uploadId: randomUUID() });
  const bytes = await (await getStore()).put(objectKey, file).catch(async (error) => {
    await rm(file, { force: true });
    throw error;
  });
  return { objectKey, bytes };
}

/**
 * Lists the object as the connection's file `name`, replacing the file of that name if there is
 * one; the replaced object is released (kept an hour for a sync reading it, see `collectReleasedUploads`).
 */
export async function listUpload(
  scope: TenantScope,
  connectionId: string,
  name: string,
  { objectKey, bytes }: UploadObject,
): Promise<void> {
  await scope.db.$transaction(async (tx) => {
    const replaced = await tx.uploadedFile.findFirst({
      where: { tenantId: scope.tenantId, connectionId, name },
      select: { objectKey: true, bytes: true },
    });
    await tx.uploadedFile.upsert({
      where: { connectionId_name: { connectionId, name } },
      create: { tenantId: scope.tenantId, connectionId, name, objectKey, bytes },
      update: { objectKey, bytes, uploadedAt: new Date() },
    });
    if (replaced)
      await tx.releasedUpload.create({ data: { objectKey: replaced.objectKey, tenantId: scope.tenantId, bytes: replaced.bytes } });
  });
}

/** Unlists the connection's file `name`, releasing its object; false when there is no such file. */
export async function unlistUpload(scope: TenantScope, connectionId: string, name: string): Promise<boolean> {
  return scope.db.$transaction(async (tx) => {
    const listed = await tx.uploadedFile.findFirst({
      where: { tenantId: scope.tenantId, connectionId, name },
      select: { id: true, objectKey: true, bytes: true },
    });
    if (!listed) return false;
    await tx.uploadedFile.deleteMany({ where: { id: listed.id, tenantId: scope.tenantId } });
    await tx.releasedUpload.create({ data: { objectKey: listed.objectKey, tenantId: scope.tenantId, bytes: listed.bytes } });
    return true;
  });
}

/** Longer than any sync reading a file (a sync holds its lock at most 30 minutes). */
const RELEASE_GRACE_MS = 60 * 60_000;

/** Deletes the tenant's upload objects released more than an hour ago. Run after each upload and deletion, and by the garbage collector. */
export async function collectReleasedUploads(scope: TenantScope): Promise<number> {
  const due = await scope.db.releasedUpload.findMany({
    where: { tenantId: scope.tenantId, releasedAt: { lt: new Date(Date.now() - RELEASE_GRACE_MS) } },
    select: { objectKey: true },
  });
  if (due.length === 0) return 0;
  await (await getStore()).delete(due.map((d) => d.objectKey));
  await scope.db.releasedUpload.deleteMany({ where: { tenantId: scope.tenantId, objectKey: { in: due.map((d) => d.objectKey) } } });
  return due.length;
}

/**
 * A copy of a local file as a scratch file of the store, ready for `putUploadObject`: a clone where
 * the filesystem can, a copy otherwise, never a hard link, which would let a later edit of the
 * original change an object that must never change.
 */
export async function stageForUpload(file: string): Promise<string> {
  const scratch = await (await getStore()).scratchFile(path.extname(file));
  await copyFile(file, scratch, constants.COPYFILE_FICLONE);
  return scratch;
}

/** Where uploads were kept before they lived in the store. */
export function legacyUploadDirectory({ tenantId, connectionId }: { tenantId: string; connectionId: string }): string {
  return path.resolve(env.dataDir, "uploads", tenantId, connectionId);
}

/**
 * Files uploaded before uploads lived in the store move into it the first time their connection's
 * files are listed or uploaded to, under the tenant's upload lock. A file of the same name uploaded
 * since is newer and stays; the old one is then dropped.
 */
export async function adoptLegacyUploads(scope: TenantScope, connectionId: string): Promise<void> {
  const dir = legacyUploadDirectory({ tenantId: scope.tenantId, connectionId });
  if (!(await readdir(dir).catch(() => null))) return;
  await withLock(getKv(), `uploads:${scope.tenantId}`, async () => {
    // Another caller may have adopted them while this one waited.
    const names = await readdir(dir).catch(() => null);
    if (!names) return;
    let adopted = 0;
    for (const name of names.filter((n) => !n.startsWith(".") && isReadableFileName(n))) {
      const file = path.join(dir, name);
      const newer = await scope.db.uploadedFile.findFirst({
        where: { tenantId: scope.tenantId, connectionId, name },
        select: { id: true },
      });
      if (!newer) {
        await listUpload(scope, connectionId, name, await putUploadObject(scope, connectionId, await stageForUpload(file)));
        adopted++;
      }
      await rm(file, { force: true });
    }
    await rm(dir, { recursive: true, force: true });
    await rmdir(path.dirname(dir)).catch(() => undefined);
    log.info("legacy uploads moved into the store", { tenantId: scope.tenantId, connectionId, files: adopted });
  });
}
