"use server";

import { z } from "zod";
import { updateFinding } from "@/lib/agents/findings";
import { updateAgent } from "@/lib/agents/registry";
import { requestAgentRun } from "@/lib/agents/request-run";
import { AgentParams, UpdateFindingInput } from "@/lib/agents/schemas";
import { tenantAction } from "../action-client";

const SetEnabled = AgentParams.extend({ enabled: z.boolean() });
const FindingChange = UpdateFindingInput.extend({ id: z.uuid() });

// The same scopes and budget as the REST routes: settings for the registry, agents for runs and findings.
const setEnabled = tenantAction(SetEnabled, "settings:write", async ({ ctx, input }) => {
  const agent = await updateAgent({ ctx, id: input.id, input: { enabled: input.enabled } });
  return { enabled: agent.enabled };
});
const run = tenantAction(
  AgentParams,
  "agents:write",
  async ({ ctx, input }) => ({ taskId: (await requestAgentRun({ ctx, id: input.id, input: {} })).task.id }),
  { rateLimit: "llm" },
);
const changeFinding = tenantAction(FindingChange, "agents:write", async ({ ctx, input }) => {
  const finding = await updateFinding({ ctx, id: input.id, input: { status: input.status, note: input.note } });
  return { status: finding.status };
});

export async function setAgentEnabledAction(input: z.input<typeof SetEnabled>) {
  return setEnabled(input);
}

export async function runAgentAction(input: z.input<typeof AgentParams>) {
  return run(input);
}

export async function updateFindingAction(input: z.input<typeof FindingChange>) {
  return changeFinding(input);
}
