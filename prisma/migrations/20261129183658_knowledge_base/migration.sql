-- CreateTable
CREATE TABLE "kb_documents" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "object_key" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "chunk_count" INTEGER NOT NULL DEFAULT 0,
    "redactions" JSONB NOT NULL DEFAULT '{}',
    "embedding_model" TEXT,
    "task_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ingested_at" TIMESTAMPTZ(3),

    CONSTRAINT "kb_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kb_chunks" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,
    "embedding" vector(256),

    CONSTRAINT "kb_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kb_postings" (
    "tenant_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "chunk_id" UUID NOT NULL,
    "tf" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,
    "impact" REAL NOT NULL,

    CONSTRAINT "kb_postings_pkey" PRIMARY KEY ("chunk_id","term")
);

-- CreateTable
CREATE TABLE "kb_terms" (
    "tenant_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "df" INTEGER NOT NULL,

    CONSTRAINT "kb_terms_pkey" PRIMARY KEY ("tenant_id","term")
);

-- CreateTable
CREATE TABLE "kb_corpus" (
    "tenant_id" UUID NOT NULL,
    "chunks" INTEGER NOT NULL,
    "total_length" BIGINT NOT NULL,

    CONSTRAINT "kb_corpus_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateIndex
CREATE INDEX "kb_documents_tenant_id_created_at_idx" ON "kb_documents"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "kb_documents_tenant_id_sha256_key" ON "kb_documents"("tenant_id", "sha256");

-- CreateIndex
CREATE INDEX "kb_chunks_tenant_id_length_idx" ON "kb_chunks"("tenant_id", "length");

-- CreateIndex
CREATE UNIQUE INDEX "kb_chunks_document_id_position_key" ON "kb_chunks"("document_id", "position");

-- CreateIndex
CREATE INDEX "kb_postings_tenant_id_term_impact_chunk_id_tf_length_idx" ON "kb_postings"("tenant_id", "term", "impact" DESC, "chunk_id", "tf", "length");

-- AddForeignKey
ALTER TABLE "kb_documents" ADD CONSTRAINT "kb_documents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_chunks" ADD CONSTRAINT "kb_chunks_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "kb_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_postings" ADD CONSTRAINT "kb_postings_chunk_id_fkey" FOREIGN KEY ("chunk_id") REFERENCES "kb_chunks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_terms" ADD CONSTRAINT "kb_terms_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kb_corpus" ADD CONSTRAINT "kb_corpus_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Approximate nearest neighbours by cosine distance (pgvector HNSW). Searches filter by tenant with
-- iterative index scans (pgvector 0.8), so a small tenant still gets its k nearest.
CREATE INDEX "kb_chunks_embedding_idx" ON "kb_chunks" USING hnsw ("embedding" vector_cosine_ops);

-- Each tenant sees and changes only its own documents, chunks, postings and statistics.
ALTER TABLE "kb_documents" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kb_documents" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "kb_chunks" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kb_chunks" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "kb_postings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kb_postings" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "kb_terms" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kb_terms" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "kb_corpus" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kb_corpus" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
