-- CreateTable
CREATE TABLE "record_segments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "stream_id" UUID NOT NULL,
    "stream" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "fingerprint_id" UUID NOT NULL,
    "row_count" INTEGER NOT NULL,
    "bytes" BIGINT NOT NULL,
    "object_key" TEXT NOT NULL,
    "cursor_from" JSONB,
    "cursor_to" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "view_builds" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ontology_version" TEXT NOT NULL,
    "records_loaded" INTEGER NOT NULL,
    "entities" JSONB NOT NULL,
    "sources" JSONB NOT NULL,
    "built_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "superseded_at" TIMESTAMPTZ(3),

    CONSTRAINT "view_builds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "view_heads" (
    "tenant_id" UUID NOT NULL,
    "build_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "view_heads_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateIndex
CREATE INDEX "record_segments_tenant_id_connection_id_created_at_idx" ON "record_segments"("tenant_id", "connection_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "record_segments_stream_id_seq_key" ON "record_segments"("stream_id", "seq");

-- CreateIndex
CREATE INDEX "view_builds_tenant_id_superseded_at_idx" ON "view_builds"("tenant_id", "superseded_at");

-- AddForeignKey
ALTER TABLE "record_segments" ADD CONSTRAINT "record_segments_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "view_builds" ADD CONSTRAINT "view_builds_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "view_heads" ADD CONSTRAINT "view_heads_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant-owned, like every table with a tenant_id (see 20261129100200_row_level_security).
ALTER TABLE "record_segments" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "record_segments" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "view_builds" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "view_builds" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "view_heads" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "view_heads" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));

-- Records now live in Parquet segments. The old rows stay (nothing is dropped); each stream that
-- has them is read again from the beginning by its next sync, which writes them as segments.
UPDATE "connection_streams" s SET "state" = NULL, "record_count" = 0
 WHERE EXISTS (SELECT 1 FROM "canonical_events" e WHERE e."connection_id" = s."connection_id" AND e."stream" = s."name");
