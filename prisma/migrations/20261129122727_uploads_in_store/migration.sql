-- CreateTable
CREATE TABLE "uploaded_files" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "object_key" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "uploaded_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "uploaded_files_tenant_id_idx" ON "uploaded_files"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "uploaded_files_connection_id_name_key" ON "uploaded_files"("connection_id", "name");

-- AddForeignKey
ALTER TABLE "uploaded_files" ADD CONSTRAINT "uploaded_files_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant-owned, like every table with a tenant_id (see 20261129100200_row_level_security).
ALTER TABLE "uploaded_files" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "uploaded_files" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));

-- Files uploaded before this migration are still in <data dir>/uploads; the first listing of (or upload to) their
-- connection moves them into the store (lib/aam/connectors/file/uploaded.ts, adoptLegacyUploads).
