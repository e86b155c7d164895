import "server-only";
import { readFile } from "node:fs/promises";
import type { TenantScope } from "@/lib/auth/context";
import { UserFacingError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createRedactor } from "@/lib/nlp/redact";
import { getStore } from "@/lib/store";
import { impactOf } from "./bm25";
import { chunkBlocks, indexedText, type Chunk } from "./chunk";
import type { Embedder } from "./embed";
import { extractBlocks, type DocumentFormat } from "./extract";
import { contactNames, namesIn } from "./known-names";
import { countChunks, uncountDocument } from "./statistics";
import { termCounts, tokenize } from "./tokenize";
import { publishTenantEvent } from "@/lib/events/publish";

const EMBED_BATCH = 64;
const WRITE_BATCH = 500;

export type IngestOutcome = {
  documentId: string;
  status: "ready" | "failed" | "missing";
  chunks?: number;
  redactions?: number;
  error?: string;
};

/**
 * Reads a document's original, redacts its text (patterns and the tenant's contact names, with
 * placeholders consistent across the document), chunks it, embeds the chunks and replaces the
 * document's chunks and postings in one transaction: a re-run (a retry) leaves one copy.
 * A document that cannot be read is marked failed with the reason; other errors are thrown for
 * the task to retry, and `lastAttempt` marks the document failed before throwing.
 */
export async function ingestDocument(scope: TenantScope, documentId: string, options: IngestOptions): Promise<IngestOutcome> {
  const announce = (status: string) => publishTenantEvent(scope, "kb.document.updated", { documentId, status });
  try {
    const outcome = await ingest(scope, documentId, options, announce);
    if (outcome.status !== "missing") await announce(outcome.status);
    return outcome;
  } catch (error) {
    if (options.lastAttempt !== false) await announce("failed");
    throw error;
  }
}

type IngestOptions = { embedder: Embedder; lastAttempt?: boolean };

async function ingest(
  scope: TenantScope,
  documentId: string,
  { embedder, lastAttempt = true }: IngestOptions,
  announce: (status: string) => Promise<void>,
): Promise<IngestOutcome> {
  const { db, tenantId } = scope;
  const claimed = await db.kbDocument.updateMany({ where: { id: documentId, tenantId }, data: { status: "ingesting", error: null } });
  if (claimed.count === 0) return { documentId, status: "missing" };
  await announce("ingesting");
  const document = (await db.kbDocument.findFirst({ where: { id: documentId, tenantId } }))!;
  try {
    const bytes = await readFile(await (await getStore()).localPath(document.objectKey));
    const blocks = await extractBlocks(bytes, document.format as DocumentFormat, document.title);
    const redactor = createRedactor({ knownNames: namesIn(blocks.map((b) => b.text).join("\n"), await contactNames(scope)) });
    const redacted = blocks.map((b) => ({ ...b, text: redactor.redact(b.text).text }));
    const { chunks } = chunkBlocks(redacted);
    if (chunks.length === 0) throw new UserFacingError("The document has no text to index");
    const vectors: number[][] = [];
    for (let i = 0; i < chunks.length; i += EMBED_BATCH)
      vectors.push(...(await embedder.embed(chunks.slice(i, i + EMBED_BATCH).map(indexedText))));
    const counts = redactor.counts();
    await db.$transaction(
      async (tx) => {
        await uncountDocument(tx, tenantId, documentId);
        await tx.kbChunk.deleteMany({ where: { documentId, tenantId } });
        for (let i = 0; i < chunks.length; i += WRITE_BATCH)
          await writeChunks(tx, tenantId, documentId, chunks.slice(i, i + WRITE_BATCH), vectors.slice(i, i + WRITE_BATCH));
        await tx.kbDocument.updateMany({
          where: { id: documentId, tenantId },
          data: {
            status: "ready",
            chunkCount: chunks.length,
            redactions: counts,
            embeddingModel: embedder.id,
            ingestedAt: new Date(),
            error: null,
          },
        });
      },
      { timeout: 120_000 },
    );
    return { documentId, status: "ready", chunks: chunks.length, redactions: Object.values(counts).reduce((s, n) => s + n, 0) };
  } catch (error) {
    const readable = error instanceof UserFacingError;
    if (readable || lastAttempt) {
      const message = readable ? error.message : "The document could not be indexed; try again later";
      await db.kbDocument.updateMany({ where: { id: documentId, tenantId }, data: { status: "failed", error: message } });
      if (readable) return { documentId, status: "failed", error: message };
    }
    throw error;
  }
}

/** Chunks with their vectors, their postings (term, tf, the chunk's length, the impact), and BM25's statistics. */
async function writeChunks(tx: Prisma.TransactionClient, tenantId: string, documentId: string, chunks: Chunk[], vectors: number[][]) {
  const ids = chunks.map(() => crypto.randomUUID());
  const terms = chunks.map((c) => termCounts(tokenize(indexedText(c))));
  const lengths = terms.map((t) => [...t.values()].reduce((s, n) => s + n, 0));
  await tx.$executeRaw`
    INSERT INTO kb_chunks (id, tenant_id, document_id, position, heading, text, start_offset, end_offset, length, embedding)
    SELECT id, ${tenantId}::uuid, ${documentId}::uuid, position, heading, text, start_offset, end_offset, length, embedding::vector
    FROM unnest(${ids}::uuid[], ${chunks.map((c) => c.position)}::int[], ${chunks.map((c) => c.heading)}::text[], ${chunks.map((c) => c.text)}::text[],
                ${chunks.map((c) => c.start)}::int[], ${chunks.map((c) => c.end)}::int[], ${lengths}::int[], ${vectors.map((v) => `[${v.join(",")}]`)}::text[])
      AS t(id, position, heading, text, start_offset, end_offset, length, embedding)`;
  const postings = { term: [] as string[], chunk: [] as string[], tf: [] as number[], length: [] as number[], impact: [] as number[] };
  terms.forEach((counts, i) => {
    for (const [term, tf] of counts) {
      postings.term.push(term);
      postings.chunk.push(ids[i]!);
      postings.tf.push(tf);
      postings.length.push(lengths[i]!);
      postings.impact.push(impactOf(tf, lengths[i]!));
    }
  });
  await tx.$executeRaw`
    INSERT INTO kb_postings (tenant_id, term, chunk_id, tf, length, impact)
    SELECT ${tenantId}::uuid, term, chunk_id, tf, length, impact
    FROM unnest(${postings.term}::text[], ${postings.chunk}::uuid[], ${postings.tf}::int[], ${postings.length}::int[], ${postings.impact}::real[]) AS t(term, chunk_id, tf, length, impact)`;
  await countChunks(tx, tenantId, ids);
}
