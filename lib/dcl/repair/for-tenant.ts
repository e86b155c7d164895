import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { getDclSettings } from "@/lib/dcl/settings";
import { getLanguageModel, type LlmModel } from "@/lib/llm/model";
import { reviewWithLlm } from "./llm-review";
import { applyMemory, type Remembered } from "./memory";
import { presentRepairs } from "./present";
import { suggestRepairs } from "./suggest";
import type { DriftInput, RepairPlan } from "./types";

/** How many of the tenant's latest decisions the agent remembers. */
const MEMORY = 2000;

type PlanOptions = {
  /** A connection in safe mode: nothing is applied, so nothing is "auto". */
  safeMode?: boolean;
  /** The model for a second opinion; the configured one when absent, none when null. */
  model?: LlmModel | null;
};

/**
 * The repair agent with everything the tenant has: its ontology, its thresholds, the configured
 * model's second opinion, and last the memory of its people's decisions (their word stands over
 * the model's).
 */
export async function planRepairs(scope: TenantScope, input: DriftInput, options: PlanOptions = {}): Promise<RepairPlan> {
  const [ontology, settings, memory] = await Promise.all([getTenantOntology(scope), getDclSettings(scope), rememberedDecisions(scope)]);
  const thresholds = options.safeMode ? { ...settings.repair, auto: Number.POSITIVE_INFINITY } : settings.repair;
  let plan = suggestRepairs(input, ontology, thresholds);
  const model = options.model === undefined ? getLanguageModel() : options.model;
  if (model) plan = await reviewWithLlm({ scope, model, input, plan, ontology, thresholds });
  return applyMemory(plan, memory, thresholds);
}

/** The agent's proposals for a schema change (`POST /api/v1/dcl/repairs/suggest`): nothing is applied. */
export async function suggestRepairsForTenant(scope: TenantScope, input: DriftInput) {
  return presentRepairs(await planRepairs(scope, input));
}

/** What the tenant's people approved, corrected and rejected, newest first. */
export async function rememberedDecisions(scope: TenantScope): Promise<Remembered[]> {
  const rows = await scope.db.reviewDecision.findMany({
    where: {
      tenantId: scope.tenantId,
      actorId: { not: null },
      kind: { in: ["repair", "mapping"] },
      action: { in: ["approve", "edit", "reject"] },
      target: { not: null },
      field: { not: null },
    },
    orderBy: { createdAt: "desc" },
    take: MEMORY,
    select: { field: true, fromField: true, target: true, action: true, createdAt: true },
  });
  return rows.map((r) => ({
    field: r.field!,
    fromField: r.fromField,
    target: r.target!,
    verdict: r.action === "reject" ? "rejected" : "approved",
    at: r.createdAt,
  }));
}
