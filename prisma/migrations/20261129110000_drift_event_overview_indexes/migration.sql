-- The connections overview (lib/aam/overview.ts) looks up each connection's latest drift event and
-- whether any is still open. Leading with tenant_id, each lookup is one probe of one index, the
-- row-level security filter included, whether or not the planner has statistics (the embedded
-- database never has any): without them it combined the tenant's whole tenant_id index range with
-- every connection's, once per connection.

-- CreateIndex
CREATE INDEX "drift_events_tenant_id_connection_id_created_at_id_idx" ON "drift_events"("tenant_id", "connection_id", "created_at", "id");

-- CreateIndex (partial: not expressible in schema.prisma without a preview feature). Open drift is
-- rare, so this index stays small; its predicate is the overview's, word for word.
CREATE INDEX "drift_events_open_idx" ON "drift_events"("tenant_id", "connection_id")
WHERE "status" = 'pending' OR ("status" = 'applied' AND "severity" <> 'non_breaking' AND "resolved_at" IS NULL);
