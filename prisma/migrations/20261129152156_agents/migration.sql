-- CreateTable
CREATE TABLE "agents" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "handler" TEXT,
    "endpoint" TEXT,
    "signing_key_cipher" TEXT,
    "owner" TEXT NOT NULL DEFAULT '',
    "entities" JSONB NOT NULL,
    "schedule" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "scheduled_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent_runs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "task_id" UUID,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "build_id" UUID,
    "inputs" JSONB NOT NULL DEFAULT '{}',
    "queries" JSONB NOT NULL DEFAULT '[]',
    "figures" JSONB NOT NULL DEFAULT '{}',
    "narrative" TEXT,
    "narrative_by" TEXT,
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "findings" INTEGER NOT NULL DEFAULT 0,
    "new_findings" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,

    CONSTRAINT "agent_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "findings" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "agent_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "impact_amount" DOUBLE PRECISION,
    "impact_currency" TEXT,
    "impact_per" TEXT,
    "window" JSONB,
    "sql" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "lineage" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "status_by_id" UUID,
    "status_at" TIMESTAMPTZ(3),
    "status_note" TEXT,
    "first_run_id" UUID NOT NULL,
    "last_run_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "occurrences" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agents_tenant_id_slug_key" ON "agents"("tenant_id", "slug");

-- CreateIndex
CREATE INDEX "agent_runs_tenant_id_agent_id_started_at_idx" ON "agent_runs"("tenant_id", "agent_id", "started_at");

-- CreateIndex
CREATE INDEX "findings_tenant_id_status_last_seen_at_idx" ON "findings"("tenant_id", "status", "last_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "findings_tenant_id_agent_id_key_key" ON "findings"("tenant_id", "agent_id", "key");

-- AddForeignKey
ALTER TABLE "agents" ADD CONSTRAINT "agents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_runs" ADD CONSTRAINT "agent_runs_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each tenant sees and changes only its own agents, runs and findings.
ALTER TABLE "agents" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "agents" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "agent_runs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "agent_runs" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
ALTER TABLE "findings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "findings" USING (tenant_id = (SELECT app_tenant_id())) WITH CHECK (tenant_id = (SELECT app_tenant_id()));
