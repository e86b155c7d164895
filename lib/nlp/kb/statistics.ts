import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * BM25's statistics, kept in step with the chunks and postings inside the transaction that writes
 * or removes them: per term its df (`kb_terms`), per tenant the chunk count and total length
 * (`kb_corpus`). A search reads them in two index lookups instead of counting 50,000 chunks and
 * each term's postings. Terms are updated in term order, so concurrent ingests lock alike.
 */
export async function countChunks(tx: Prisma.TransactionClient, tenantId: string, chunkIds: string[]) {
  await tx.$executeRaw`
    INSERT INTO kb_terms (tenant_id, term, df)
    SELECT ${tenantId}::uuid, term, count(*)::int FROM kb_postings WHERE chunk_id = ANY(${chunkIds}::uuid[]) GROUP BY term ORDER BY term
    ON CONFLICT (tenant_id, term) DO UPDATE SET df = kb_terms.df + excluded.df`;
  await tx.$executeRaw`
    INSERT INTO kb_corpus (tenant_id, chunks, total_length)
    SELECT ${tenantId}::uuid, count(*)::int, coalesce(sum(length), 0) FROM kb_chunks WHERE id = ANY(${chunkIds}::uuid[])
    ON CONFLICT (tenant_id) DO UPDATE SET chunks = kb_corpus.chunks + excluded.chunks, total_length = kb_corpus.total_length + excluded.total_length`;
}

/** Takes a document's chunks out of the statistics; call before deleting them. */
export async function uncountDocument(tx: Prisma.TransactionClient, tenantId: string, documentId: string) {
  await tx.$executeRaw`
    UPDATE kb_terms t SET df = t.df - d.n
    FROM (SELECT p.term, count(*)::int AS n FROM kb_postings p JOIN kb_chunks c ON c.id = p.chunk_id
          WHERE c.tenant_id = ${tenantId}::uuid AND c.document_id = ${documentId}::uuid GROUP BY p.term ORDER BY p.term) d
    WHERE t.tenant_id = ${tenantId}::uuid AND t.term = d.term`;
  await tx.$executeRaw`
    UPDATE kb_corpus k SET chunks = k.chunks - d.n, total_length = k.total_length - d.len
    FROM (SELECT count(*)::int AS n, coalesce(sum(length), 0) AS len FROM kb_chunks WHERE tenant_id = ${tenantId}::uuid AND document_id = ${documentId}::uuid) d
    WHERE k.tenant_id = ${tenantId}::uuid`;
}
