import { z } from "zod";
import { awaitingDomain } from "./awaiting-domain";

/** Runs a FinOps or RevOps agent over the unified views. */
export const agentRun = awaitingDomain({
  type: "agent.run",
  description: "Run an agent",
  input: z.object({ agent: z.enum(["finops", "revops"]) }),
  missing: "agents arrive with the agents issue",
});
