import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/format";
import { ConflictError, NotFoundError, PayloadTooLargeError, QuotaExceededError, ValidationError } from "@/lib/errors";
import { pageArgs, toPage } from "@/lib/db/page";
import { orderOf } from "@/lib/http/list";
import { Prisma, type KbDocument as KbDocumentRow } from "@/lib/generated/prisma/client";
import { getStore } from "@/lib/store";
import { storeKeys } from "@/lib/store/keys";
import { createTask } from "@/lib/tasks/tasks";
import { DOCUMENT_FORMATS, formatOf, type DocumentFormat } from "./extract";
import type { KbDocument, ListDocumentsQuery } from "./schemas";
import { uncountDocument } from "./statistics";

/** The largest document the knowledge base reads; a bigger file is data, for a connection. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

type Upload = { name: string; title?: string; mediaType?: string | null; body: ReadableStream<Uint8Array> | null; declaredBytes?: number };

/**
 * Adds a document: the bytes are written aside (size-limited, hashed), refused when the tenant
 * already has the same content or is past its quota, put into the store, recorded as `queued`,
 * and a `kb.ingest` task is queued for it. The original is kept for the roles allowed to see PII.
 */
export async function addDocument(ctx: TenantContext, upload: Upload): Promise<{ document: KbDocument; taskId: string }> {
  const format = formatOf(upload.name, upload.mediaType);
  const limit = Math.min(MAX_DOCUMENT_BYTES, env.maxUploadBytes);
  if (upload.declaredBytes !== undefined && upload.declaredBytes > limit) throw new PayloadTooLargeError(limit);
  if (!upload.body) throw new ValidationError("The request has no file content");
  const store = await getStore();
  const temp = await store.scratchFile(path.extname(upload.name));
  try {
    const hash = createHash("sha256");
    let bytes = 0;
    const limited = Readable.fromWeb(upload.body as import("node:stream/web").ReadableStream).map((chunk: Buffer) => {
      bytes += chunk.byteLength;
      if (bytes > limit) throw new PayloadTooLargeError(limit);
      hash.update(chunk);
      return chunk;
    });
    await pipeline(limited, createWriteStream(temp, { flags: "wx" }));
    if (bytes === 0) throw new ValidationError("The file is empty");
    const sha256 = hash.digest("hex");
    await assertNewContent(ctx, sha256);
    await assertWithinQuota(ctx, bytes);
    const id = crypto.randomUUID();
    const objectKey = storeKeys.kbDocument(ctx.tenantId, id);
    await store.put(objectKey, temp);
    let document: KbDocumentRow;
    try {
      document = await ctx.db.kbDocument.create({
        data: {
          id,
          tenantId: ctx.tenantId,
          title: upload.title?.trim() || titleOf(upload.name),
          fileName: upload.name,
          format,
          bytes,
          sha256,
          objectKey,
          createdById: ctx.actor.userId,
        },
      });
    } catch (error) {
      await store.delete([objectKey]).catch(() => undefined);
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateError();
      throw error;
    }
    const { task } = await createTask({ ctx, input: { type: "kb.ingest", input: { documentIds: [id] } } });
    document = await ctx.db.kbDocument.update({ where: { id }, data: { taskId: task.id } });
    return { document: toDocumentDto(document), taskId: task.id };
  } finally {
    await rm(temp, { force: true });
  }
}

/** The tenant's documents with their ingestion status, a page at a time, in the query's order (newest first by default). */
export async function listDocuments(
  scope: TenantScope,
  query: ListDocumentsQuery,
): Promise<{ documents: KbDocument[]; nextCursor: string | null }> {
  const rows = await scope.db.kbDocument.findMany({
    where: { tenantId: scope.tenantId, ...(query.status && { status: query.status }) },
    orderBy: orderOf(query.sort),
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { documents: items.map(toDocumentDto), nextCursor };
}

/** Scoped to the tenant. Throws NotFoundError. */
export async function getDocumentOrThrow(scope: TenantScope, id: string): Promise<KbDocumentRow> {
  const document = await scope.db.kbDocument.findFirst({ where: { id, tenantId: scope.tenantId } });
  if (!document) throw new NotFoundError("Document");
  return document;
}

/** Removes a document with its chunks, vectors and postings (one cascade) and their statistics, then its original. */
export async function deleteDocument(scope: TenantScope, id: string): Promise<void> {
  const document = await getDocumentOrThrow(scope, id);
  const deleted = await scope.db.$transaction(async (tx) => {
    await uncountDocument(tx, scope.tenantId, id);
    return (await tx.kbDocument.deleteMany({ where: { id, tenantId: scope.tenantId } })).count;
  });
  if (deleted === 0) throw new NotFoundError("Document");
  await (await getStore()).delete([document.objectKey]);
}

/** The original file, as uploaded (before redaction): only for roles with `pii:read`, checked by the route. */
export async function readOriginal(scope: TenantScope, id: string): Promise<{ document: KbDocumentRow; bytes: Buffer }> {
  const document = await getDocumentOrThrow(scope, id);
  return { document, bytes: await readFile(await (await getStore()).localPath(document.objectKey)) };
}

export function toDocumentDto(d: KbDocumentRow): KbDocument {
  return {
    id: d.id,
    title: d.title,
    fileName: d.fileName,
    format: d.format,
    formatLabel: DOCUMENT_FORMATS[d.format as DocumentFormat]?.label ?? d.format,
    bytes: d.bytes,
    status: d.status as KbDocument["status"],
    error: d.error,
    chunks: d.chunkCount,
    redactions: d.redactions as Record<string, number>,
    embeddingModel: d.embeddingModel,
    taskId: d.taskId,
    createdAt: d.createdAt,
    ingestedAt: d.ingestedAt,
  };
}

async function assertNewContent(scope: TenantScope, sha256: string) {
  const existing = await scope.db.kbDocument.findFirst({ where: { tenantId: scope.tenantId, sha256 }, select: { title: true } });
  if (existing) throw duplicateError(existing.title);
}

const duplicateError = (title?: string) => new ConflictError(`This file is already in the knowledge base${title ? ` as "${title}"` : ""}`);

async function assertWithinQuota(scope: TenantScope, bytes: number) {
  const { _sum } = await scope.db.kbDocument.aggregate({ where: { tenantId: scope.tenantId }, _sum: { bytes: true } });
  if ((_sum.bytes ?? 0) + bytes > env.tenantUploadQuotaBytes)
    throw new QuotaExceededError(
      `The knowledge base is full (${formatBytes(env.tenantUploadQuotaBytes)} of documents); delete documents to add more`,
    );
}

function titleOf(name: string): string {
  const base = path.basename(name, path.extname(name)).replace(/[-_]+/g, " ").trim();
  return base ? base[0]!.toUpperCase() + base.slice(1) : name;
}
