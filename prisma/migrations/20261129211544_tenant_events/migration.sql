-- CreateTable
CREATE TABLE "tenant_events" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tenant_events_tenant_id_id_idx" ON "tenant_events"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "tenant_events_created_at_idx" ON "tenant_events"("created_at");

-- AddForeignKey
ALTER TABLE "tenant_events" ADD CONSTRAINT "tenant_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each tenant reads and writes only its own events.
ALTER TABLE "tenant_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_events" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
