-- CreateTable
CREATE TABLE "released_uploads" (
    "object_key" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "released_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "released_uploads_pkey" PRIMARY KEY ("object_key")
);

-- CreateIndex
CREATE INDEX "released_uploads_tenant_id_released_at_idx" ON "released_uploads"("tenant_id", "released_at");

-- Tenant-owned, like every table with a tenant_id (see 20261129100200_row_level_security).
ALTER TABLE "released_uploads" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "released_uploads" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
