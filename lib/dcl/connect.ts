import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { publishTenantEvent } from "@/lib/events/publish";
import { getKv } from "@/lib/kv";
import { withLock } from "@/lib/kv/lock";
import { getLanguageModel, type LlmModel } from "@/lib/llm/model";
import { log } from "@/lib/log";
import { notifyReviewWaiting } from "@/lib/notify/review-waiting";
import { suggestMapping } from "./matcher/suggest";
import { humanApprovals, latestVersions, recordProposals } from "./mappings/registry";
import { getTenantOntology } from "./ontology/tenant-ontology";
import { getDclSettings } from "./settings";
import { listStreamTables, type StreamTable } from "./source-tables";
import { rebuildViews } from "./views/rebuild";
import type { ConnectSummary } from "./schemas";

const LOCK = { ttlMs: 15 * 60_000, waitMs: 15 * 60_000 };

/**
 * Brings the tenant's DCL up to date with its sources: proposes mappings for every stream (new
 * versions only where something changed), then rebuilds all unified views from the approved ones.
 * Idempotent, and serialized per tenant by a lock (Redis when configured, in-process otherwise),
 * so concurrent calls end in the state of the last one. `model` overrides the configured LLM (null: none).
 */
export async function connectDcl(scope: TenantScope, options: { model?: LlmModel | null } = {}): Promise<ConnectSummary> {
  return withLock(
    getKv(),
    lockKey(scope),
    async () => {
      const { ontology, streams, proposed, autoApproved } = await proposeMappings(scope, () => true, options);
      const build = await rebuildViews(scope, ontology);
      await publishTenantEvent(scope, "dcl.views.rebuilt", { entities: build.entities, proposed, autoApproved });
      return { streams, proposed, autoApproved, build };
    },
    LOCK,
  );
}

/**
 * Proposes mappings for one connection's streams and builds no view: what a safe-mode sync does
 * (its proposals all wait for a person, lib/aam/safe-mode.ts). Serialized with connectDcl.
 */
export async function proposeConnectionMappings(scope: TenantScope, connectionId: string, options: { model?: LlmModel | null } = {}) {
  return withLock(
    getKv(),
    lockKey(scope),
    async () => {
      const { streams, proposed, autoApproved } = await proposeMappings(scope, (t) => t.connectionId === connectionId, options);
      return { streams, proposed, autoApproved };
    },
    LOCK,
  );
}

const lockKey = (scope: TenantScope) => `dcl:connect:${scope.tenantId}`;

/** Records the matcher's proposals for the streams `wanted` picks. A safe-mode connection's proposals are never approved at once. */
async function proposeMappings(scope: TenantScope, wanted: (t: StreamTable) => boolean, options: { model?: LlmModel | null }) {
  const [ontology, settings, tables, priors] = await Promise.all([
    getTenantOntology(scope),
    getDclSettings(scope),
    listStreamTables(scope),
    humanApprovals(scope),
  ]);
  const model = options.model === undefined ? getLanguageModel() : options.model;
  let streams = 0;
  let proposed = 0;
  let autoApproved = 0;
  for (const t of tables.filter(wanted)) {
    const at = { connectionId: t.connectionId, stream: t.stream };
    const latest = await latestVersions(scope, at);
    // The model is asked only about streams with fields never proposed before: a rebuild with
    // nothing new costs no tokens, and its answers cannot flip settled proposals back and forth.
    const unseen = t.table.fields.some((f) => !latest.has(f.name));
    const match = await suggestMapping(scope, t.table, ontology, { priors, model: unseen ? model : null });
    const threshold = t.safeMode ? Number.POSITIVE_INFINITY : settings.autoApproveThreshold;
    const counts = await recordProposals(scope, at, match, threshold, latest);
    streams += 1;
    proposed += counts.proposed;
    autoApproved += counts.approved;
  }
  if (proposed > 0) {
    void notifyReviewWaiting(scope.db, { tenantId: scope.tenantId, count: proposed, what: "mapping proposal(s)" }).catch((error) =>
      log.warn("review notification failed", { tenantId: scope.tenantId, error }),
    );
  }
  return { ontology, streams, proposed, autoApproved };
}
