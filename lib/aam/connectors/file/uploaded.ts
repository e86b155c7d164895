import "server-only";
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import type { TenantScope } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { getStore, storeKeys } from "@/lib/store";
import { isReadableFileName } from "./config";

export type UploadObject = { objectKey: string; bytes: number };

/** Moves the local `file` into the store as a new object of the connection's uploads, not yet listed. `file` is gone afterwards. */
export async function putUploadObject(scope: TenantScope, connectionId: string, file: string): Promise<UploadObject> {
  const objectKey = storeKeys.upload({ tenantId: scope.tenantId, connectionId, uploadId: randomUUID() });
  return { objectKey, bytes: await (await getStore()).put(objectKey, file) };
}

/**
 * Lists the object as the connection's file `name`, replacing the file of that name if there is
 * one. The replaced object stays until the garbage collector takes it (lib/store/garbage.ts), so
 * a sync reading it meanwhile finishes.
 */
export async function listUpload(scope: TenantScope, connectionId: string, name: string, { objectKey, bytes }: UploadObject): Promise<void> {
  await scope.db.uploadedFile.upsert({
    where: { connectionId_name: { connectionId, name } },
    create: { tenantId: scope.tenantId, connectionId, name, objectKey, bytes },
    update: { objectKey, bytes, uploadedAt: new Date() },
  });
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
 * files are listed; nothing is lost.
 */
export async function adoptLegacyUploads(scope: TenantScope, connectionId: string): Promise<void> {
  const dir = legacyUploadDirectory({ tenantId: scope.tenantId, connectionId });
  const names = await readdir(dir).catch(() => null);
  if (!names) return;
  for (const name of names.filter((n) => !n.startsWith(".") && isReadableFileName(n))) {
    const file = path.join(dir, name);
    await listUpload(scope, connectionId, name, await putUploadObject(scope, connectionId, await stageForUpload(file)));
    await rm(file, { force: true });
  }
  await rm(dir, { recursive: true, force: true });
  await rmdir(path.dirname(dir)).catch(() => undefined);
  log.info("legacy uploads moved into the store", { tenantId: scope.tenantId, connectionId, files: names.length });
}
