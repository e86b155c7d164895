import "server-only";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "@/lib/errors";
import { getConnectionOrThrow, readConfig } from "@/lib/aam/connections";
import type { NamedPageQuery, UploadedFile, UploadedFilePage } from "@/lib/aam/schemas";
import { pageArgs, toPage } from "@/lib/db/page";
import { csvOptionsFor, FileConfig, isJsonLines } from "@/lib/aam/connectors/file/config";
import { CsvShapeError, openCsv } from "@/lib/aam/connectors/file/csv";
import { fileTextProblem } from "@/lib/aam/connectors/file/text";
import { adoptLegacyUploads, collectReleasedUploads, listUpload, putUploadObject, unlistUpload } from "@/lib/aam/connectors/file/uploaded";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import { withLock } from "@/lib/kv/lock";
import { getStore } from "@/lib/store";
import { uploadQuotaCheck } from "@/lib/quotas/upload-quota";

/**
 * Stores an uploaded file as the connection's file `name`. It is written aside, checked (it must
 * be text, 415 otherwise, or 422 when it is not the connection's declared encoding; a CSV must have
 * a readable header within the column limit), then put into the store and listed, so a
 * sync never sees half a file; a failed upload leaves nothing behind. A file with the same name is
 * replaced: the next sync reads its changes. The tenant's upload quota is checked before and while
 * the file is written, and again when it is listed, under the tenant's upload lock, so concurrent
 * uploads cannot pass the quota together.
 */
export async function saveUpload({
  ctx,
  connectionId,
  name,
  body,
  declaredBytes,
}: {
  ctx: TenantContext;
  connectionId: string;
  name: string;
  body: ReadableStream<Uint8Array> | null;
  declaredBytes?: number;
}): Promise<UploadedFile> {
  const config = await uploadConfig(ctx, connectionId);
  if (declaredBytes !== undefined && declaredBytes > env.maxUploadBytes) throw new PayloadTooLargeError(env.maxUploadBytes);
  if (!body) throw new ValidationError("The request has no file content");
  // Files from before uploads lived in the store first, so this newer one replaces them, never the other way.
  await adoptLegacyUploads(ctx, connectionId);

  const fitsQuota = await uploadQuotaCheck(ctx, connectionId, name);
  if (declaredBytes !== undefined) fitsQuota(declaredBytes);
  const temp = await (await getStore()).scratchFile(path.extname(name));
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
    await checkText(temp, config, name);
    if (!isJsonLines(name)) await checkCsv(temp, config, name);
    return { name, bytes: await storeUpload(ctx, connectionId, name, temp) };
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Puts a local file (already checked) into the store as the connection's upload `name`, within
 * the tenant's quota; `file` is gone afterwards. The object is written first and listed under the
 * lock, so a large file to object storage does not hold the lock; refused, it is deleted.
 */
export async function storeUpload(scope: TenantScope, connectionId: string, name: string, file: string): Promise<number> {
  const object = await putUploadObject(scope, connectionId, file);
  try {
    await withLock(getKv(), `uploads:${scope.tenantId}`, async () => {
      (await uploadQuotaCheck(scope, connectionId, name))(object.bytes);
      await listUpload(scope, connectionId, name, object);
    });
  } catch (error) {
    await (await getStore()).delete([object.objectKey]).catch(() => undefined);
    throw error;
  }
  await collectReleasedUploads(scope).catch((error) => log.warn("released uploads not collected", { tenantId: scope.tenantId, error }));
  return object.bytes;
}

/** Removes one file of an upload connection; the next sync no longer reads it. 404 when there is no such file. */
export async function deleteUpload({ ctx, connectionId, name }: { ctx: TenantContext; connectionId: string; name: string }) {
  await uploadConfig(ctx, connectionId);
  await adoptLegacyUploads(ctx, connectionId);
  if (!(await unlistUpload(ctx, connectionId, name))) throw new NotFoundError("File");
  await collectReleasedUploads(ctx).catch((error) => log.warn("released uploads not collected", { tenantId: ctx.tenantId, error }));
}

/** A page of the files of an upload connection, by name. 404 unless the connection is the tenant's. */
export async function listUploads({
  ctx,
  connectionId,
  query,
}: {
  ctx: TenantContext;
  connectionId: string;
  query: NamedPageQuery;
}): Promise<UploadedFilePage> {
  await getConnectionOrThrow(ctx, connectionId);
  await adoptLegacyUploads(ctx, connectionId);
  const rows = await ctx.db.uploadedFile.findMany({
    where: { tenantId: ctx.tenantId, connectionId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, bytes: true },
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { files: items.map(toUploadedFile), nextCursor };
}

/** Every file, by name, for callers that already hold the connection. */
export async function uploadedFiles(scope: TenantScope, connectionId: string): Promise<UploadedFile[]> {
  await adoptLegacyUploads(scope, connectionId);
  const rows = await scope.db.uploadedFile.findMany({
    where: { tenantId: scope.tenantId, connectionId },
    orderBy: { name: "asc" },
    select: { name: true, bytes: true },
  });
  return rows.map(toUploadedFile);
}

const toUploadedFile = (row: { name: string; bytes: bigint }): UploadedFile => ({ name: row.name, bytes: Number(row.bytes) });

async function uploadConfig(ctx: TenantContext, connectionId: string): Promise<FileConfig> {
  const connection = await getConnectionOrThrow(ctx, connectionId);
  if (connection.type !== "file") throw new ConflictError("Files can only be uploaded to a file connection");
  const config = FileConfig.parse(await readConfig(connection));
  if (config.source !== "upload")
    throw new ConflictError("This file connection reads a server directory; uploads go to upload connections");
  return config;
}

/** A file that is clearly not text would only fail every sync of the connection (see `textProblem`). */
async function checkText(file: string, config: FileConfig, name: string) {
  const problem = await fileTextProblem(file, config.encoding);
  if (!problem) return;
  if (problem.kind === "encoding") throw new ValidationError(`${name} ${problem.reason}`);
  throw new UnsupportedMediaTypeError(
    `${name} ${problem.reason}. Upload CSV, TSV or JSON Lines text; a spreadsheet can be saved as CSV first.`,
  );
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
