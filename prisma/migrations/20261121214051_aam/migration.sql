-- CreateEnum
CREATE TYPE "ConnectionType" AS ENUM ('file', 'postgres', 'salesforce', 'mongodb');

-- CreateEnum
CREATE TYPE "ConnectionStatus" AS ENUM ('active', 'paused', 'error');

-- CreateEnum
CREATE TYPE "SchemaPolicy" AS ENUM ('propagate_all', 'propagate_additive', 'require_approval', 'pause_on_breaking');

-- CreateEnum
CREATE TYPE "MappingStatus" AS ENUM ('proposed', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "connections" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ConnectionType" NOT NULL,
    "status" "ConnectionStatus" NOT NULL DEFAULT 'active',
    "status_message" TEXT,
    "pause_reason" TEXT,
    "schema_policy" "SchemaPolicy" NOT NULL DEFAULT 'propagate_additive',
    "config_cipher" TEXT NOT NULL,
    "last_sync_at" TIMESTAMPTZ(3),
    "last_sync_status" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connection_streams" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "accepted_fingerprint_id" UUID,
    "pending_fingerprint_id" UUID,
    "state" JSONB,
    "record_count" INTEGER NOT NULL DEFAULT 0,
    "last_read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "connection_streams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schema_fingerprints" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "stream" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "profile" JSONB NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schema_fingerprints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drift_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "stream" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "field" TEXT,
    "previous_field" TEXT,
    "previous_type" TEXT,
    "current_type" TEXT,
    "confidence" DOUBLE PRECISION,
    "details" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "from_fingerprint_id" UUID,
    "to_fingerprint_id" UUID,
    "task_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,

    CONSTRAINT "drift_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "canonical_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "stream" TEXT NOT NULL,
    "source_record_id" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL,
    "fingerprint_id" UUID NOT NULL,
    "record_hash" TEXT NOT NULL,

    CONSTRAINT "canonical_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quarantined_records" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "stream" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "location" TEXT,
    "raw" TEXT NOT NULL,
    "raw_hash" TEXT NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quarantined_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mapping_registry" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "source_stream" TEXT NOT NULL,
    "source_field" TEXT NOT NULL,
    "ontology_field" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,
    "status" "MappingStatus" NOT NULL DEFAULT 'proposed',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mapping_registry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "connections_tenant_id_created_at_idx" ON "connections"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "connections_tenant_id_name_key" ON "connections"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "connection_streams_connection_id_name_key" ON "connection_streams"("connection_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "schema_fingerprints_connection_id_stream_hash_key" ON "schema_fingerprints"("connection_id", "stream", "hash");

-- CreateIndex
CREATE INDEX "drift_events_connection_id_created_at_idx" ON "drift_events"("connection_id", "created_at");

-- CreateIndex
CREATE INDEX "drift_events_tenant_id_created_at_idx" ON "drift_events"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "canonical_events_tenant_id_connection_id_stream_observed_at_idx" ON "canonical_events"("tenant_id", "connection_id", "stream", "observed_at");

-- CreateIndex
CREATE UNIQUE INDEX "canonical_events_connection_id_stream_source_record_id_reco_key" ON "canonical_events"("connection_id", "stream", "source_record_id", "record_hash");

-- CreateIndex
CREATE INDEX "quarantined_records_tenant_id_connection_id_observed_at_idx" ON "quarantined_records"("tenant_id", "connection_id", "observed_at");

-- CreateIndex
CREATE UNIQUE INDEX "quarantined_records_connection_id_stream_raw_hash_key" ON "quarantined_records"("connection_id", "stream", "raw_hash");

-- CreateIndex
CREATE INDEX "mapping_registry_connection_id_idx" ON "mapping_registry"("connection_id");

-- CreateIndex
CREATE INDEX "mapping_registry_tenant_id_connection_id_source_stream_idx" ON "mapping_registry"("tenant_id", "connection_id", "source_stream");

-- CreateIndex
CREATE UNIQUE INDEX "mapping_registry_connection_id_source_stream_source_field_v_key" ON "mapping_registry"("connection_id", "source_stream", "source_field", "version");

-- AddForeignKey
ALTER TABLE "connections" ADD CONSTRAINT "connections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connection_streams" ADD CONSTRAINT "connection_streams_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schema_fingerprints" ADD CONSTRAINT "schema_fingerprints_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drift_events" ADD CONSTRAINT "drift_events_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "canonical_events" ADD CONSTRAINT "canonical_events_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quarantined_records" ADD CONSTRAINT "quarantined_records_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mapping_registry" ADD CONSTRAINT "mapping_registry_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
