"use server";

import { z } from "zod";
import { decideMapping, rollbackMapping } from "@/lib/dcl/mappings/decisions";
import { MappingDecision, MappingParams, RollbackInput } from "@/lib/dcl/mappings/schemas";
import { requestDclRebuild } from "@/lib/dcl/request-rebuild";
import { tenantAction } from "../action-client";

const DecisionInput = MappingParams.extend(MappingDecision.shape);
const RollbackMappingInput = MappingParams.extend(RollbackInput.shape);

// Each action answers only what its UI needs, never the full mapping.
const rebuild = tenantAction(z.object({}), "dcl:write", async ({ ctx }) => ({ taskId: (await requestDclRebuild({ ctx })).id }), {
  rateLimit: "rebuild",
});
const decide = tenantAction(DecisionInput, "dcl:write", async ({ ctx, input: { id, ...decision } }) => {
  const mapping = await decideMapping({ ctx, id, input: decision });
  return { status: mapping.status, target: mapping.target, version: mapping.version };
});
const rollback = tenantAction(RollbackMappingInput, "dcl:write", async ({ ctx, input }) => ({
  version: (await rollbackMapping({ ctx, id: input.id, input: { version: input.version } })).version,
}));

export async function rebuildViewsAction() {
  return rebuild({});
}

export async function decideMappingAction(input: z.input<typeof DecisionInput>) {
  return decide(input);
}

export async function rollbackMappingAction(input: z.input<typeof RollbackMappingInput>) {
  return rollback(input);
}
