import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TenantContext } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { ConflictError, PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { getConnectionOrThrow, readConfig } from "@/lib/aam/connections";
import { csvOptionsFor, FileConfig, isJsonLines } from "@/lib/aam/connectors/file/config";
import { CsvShapeError, openCsv } from "@/lib/aam/connectors/file/csv";
import { uploadDirectory } from "@/lib/aam/connectors/file/location";
import { getKv } from "@/lib/kv";
import { withLock } from "@/lib/kv/lock";
import { uploadQuotaCheck } from "@/lib/quotas/upload-quota";

/**
 * Stores an uploaded file in the connection's upload folder. It is written aside, checked (a CSV
 * must have a readable header within the column limit), then moved into place, so a sync never
 * sees half a file; a failed upload leaves nothing behind. A file with the same name is replaced:
 * the next sync reads its changes. The tenant's upload quota is checked before, while and after
 * the file is written; the last check and the move hold the tenant's upload lock, so concurrent
 * uploads cannot pass the quota together.
 */
export async function saveUpload({ ctx, connectionId, name, body, declaredBytes }: { ctx: TenantContext; connectionId: string; name: string; body: ReadableStream<Uint8Array> | null; declaredBytes?: number }) {
  const connection = await getConnectionOrThrow(ctx, connectionId);
  if (connection.type !== "file") throw new ConflictError("Files can only be uploaded to a file connection");
  const config = FileConfig.parse(await readConfig(connection));
  if (config.source !== "upload") throw new ConflictError("This file connection reads a server directory; uploads go to upload connections");
  if (declaredBytes !== undefined && declaredBytes > env.maxUploadBytes) throw new PayloadTooLargeError(env.maxUploadBytes);
  if (!body) throw new ValidationError("The request has no file content");

  const dir = uploadDirectory({ tenantId: ctx.tenantId, connectionId });
  const target = path.join(dir, name);
  const fitsQuota = await uploadQuotaCheck(ctx.tenantId, target);
  if (declaredBytes !== undefined) fitsQuota(declaredBytes);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.upload-${randomUUID()}`);
  try {
    let size = 0;
    const limited = Readable.fromWeb(body as import("node:stream/web").ReadableStream).map((chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > env.maxUploadBytes) throw new PayloadTooLargeError(env.maxUploadBytes);
      fitsQuota(size);
      return chunk;
    });
    await pipeline(limited, createWriteStream(temp, { flags: "wx" }));
    if (size === 0) throw new ValidationError("The file is empty");
    if (!isJsonLines(name)) await checkCsv(temp, config, name);
    await withLock(getKv(), `uploads:${ctx.tenantId}`, async () => {
      (await uploadQuotaCheck(ctx.tenantId, target))(size);
      await rename(temp, target);
    });
    return { name, bytes: size };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function checkCsv(file: string, config: FileConfig, name: string) {
  try {
    const csv = await openCsv(file, csvOptionsFor(config, name));
    await csv.items.return(undefined);
  } catch (error) {
    if (error instanceof CsvShapeError) throw new ValidationError(`${name} ${error.message}`);
    throw error;
  }
}

/** The files of an upload connection. 404 unless the connection is the tenant's. */
export async function listUploads({ ctx, connectionId }: { ctx: TenantContext; connectionId: string }) {
  await getConnectionOrThrow(ctx, connectionId);
  return uploadedFiles(ctx, connectionId);
}

/** For callers that already hold the connection. */
export async function uploadedFiles(ctx: TenantContext, connectionId: string) {
  const dir = uploadDirectory({ tenantId: ctx.tenantId, connectionId });
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(names.filter((n) => !n.startsWith(".")).map(async (n) => ({ name: n, bytes: (await stat(path.join(dir, n))).size })));
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
