-- AlterTable
ALTER TABLE "connections" ADD COLUMN     "safe_mode" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sample_row_limit" INTEGER;

-- AlterTable
ALTER TABLE "dcl_settings" ADD COLUMN     "repair_auto_threshold" DOUBLE PRECISION,
ADD COLUMN     "repair_review_threshold" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "mapping_registry" ADD COLUMN     "evidence" JSONB;

-- CreateTable
CREATE TABLE "review_decisions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "item_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "field" TEXT,
    "from_field" TEXT,
    "target" TEXT,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_decisions_tenant_id_created_at_idx" ON "review_decisions"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "review_decisions_tenant_id_item_id_idx" ON "review_decisions"("tenant_id", "item_id");

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A tenant sees only its own decisions, and may add decisions but never change or delete one:
-- the audit is append-only for the app (a tenant's deletion still cascades, as the operator).
ALTER TABLE "review_decisions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON "review_decisions" FOR SELECT USING (tenant_id = (SELECT app_tenant_id()));
CREATE POLICY tenant_append ON "review_decisions" FOR INSERT WITH CHECK (tenant_id = (SELECT app_tenant_id()));
