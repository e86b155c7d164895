import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { readBuild } from "@/lib/dcl/views/builds";
import { quoteIdent } from "@/lib/duckdb/sql";
import { publishTenantEvent } from "@/lib/events/publish";
import type { Agent, AgentRun, Prisma } from "@/lib/generated/prisma/client";
import { getLanguageModel, type LlmModel } from "@/lib/llm/model";
import { toSafeError } from "@/lib/safe-error";
import { builtinAgent } from "./builtins";
import { recordFindings, rankFindings } from "./findings";
import { callHttpAgent, HTTP_AGENT_ROWS } from "./http-agent";
import { narrate } from "./narrative";
import type { AnalysisResult } from "./types";
import { withViewTables } from "./view-tables";

export type RunOptions = { trigger: "manual" | "schedule" | "cli"; taskId?: string; asOf?: Date; model?: LlmModel | null };
export type RunOutcome = { run: AgentRun; found: number; new: number; resolved: number };

/**
 * One run of an agent over the tenant's current views: the analysis (in process for a built-in
 * agent, at its endpoint for a third party's), a narrative, the findings recorded with their
 * lineage, and the run itself with its inputs, queries, duration and tokens. A failed run is
 * recorded as failed with a message fit for the tenant, then rethrown.
 */
export async function runAgent(scope: TenantScope, agent: Agent, options: RunOptions): Promise<RunOutcome> {
  const asOf = options.asOf ?? new Date();
  const started = performance.now();
  const run = await scope.db.agentRun.create({
    data: {
      tenantId: scope.tenantId,
      agentId: agent.id,
      taskId: options.taskId,
      trigger: options.trigger,
      status: "running",
      inputs: { asOf: asOf.toISOString().slice(0, 10), entities: agent.entities as string[] },
    },
  });
  const finish = (data: Prisma.AgentRunUpdateInput) =>
    scope.db.agentRun.update({
      where: { id: run.id },
      data: { ...data, finishedAt: new Date(), durationMs: Math.round(performance.now() - started) },
    });
  try {
    const { result, buildId } = await analyse(scope, agent, run.id, asOf);
    const findings = rankFindings(result.findings);
    const build = await readBuild(scope);
    const narrative = await narrate(scope, agent.name, findings, options.model === undefined ? getLanguageModel() : options.model);
    const counts = await recordFindings(scope, agent, run.id, findings, build.sources);
    const done = await finish({
      status: "success",
      buildId,
      queries: result.queries,
      figures: result.figures as Prisma.InputJsonValue,
      narrative: narrative.text,
      narrativeBy: narrative.by,
      inputTokens: narrative.inputTokens,
      outputTokens: narrative.outputTokens,
      findings: counts.found,
      newFindings: counts.new,
      inputs: { asOf: asOf.toISOString().slice(0, 10), entities: agent.entities as string[], model: narrative.model },
    });
    await publishTenantEvent(scope, "agent.run.finished", {
      agentId: agent.id,
      agent: agent.name,
      runId: run.id,
      status: "success",
      findings: counts.found,
      newFindings: counts.new,
    });
    return { run: done, found: counts.found, new: counts.new, resolved: counts.resolved };
  } catch (error) {
    await finish({ status: "failed", error: toSafeError(error, { tenantId: scope.tenantId, agent: agent.slug }).message });
    await publishTenantEvent(scope, "agent.run.finished", { agentId: agent.id, agent: agent.name, runId: run.id, status: "failed" });
    throw error;
  }
}

async function analyse(
  scope: TenantScope,
  agent: Agent,
  runId: string,
  asOf: Date,
): Promise<{ result: AnalysisResult; buildId: string | null }> {
  const entities = agent.entities as string[];
  return withViewTables(scope, entities, async (duck, build) => {
    const builtin = agent.kind === "builtin" ? builtinAgent(agent.handler) : undefined;
    if (builtin) return { result: await builtin.analysis(duck, { asOf }), buildId: build.id };
    const views: Record<string, { columns: string[]; rows: Record<string, unknown>[]; total: number }> = {};
    for (const entity of entities) {
      const rows = await duck.runAndReadAll(
        `SELECT * EXCLUDE ("_connection_id", "_stream", "_mapping_version") FROM ${quoteIdent(entity)} LIMIT ${HTTP_AGENT_ROWS}`,
      );
      const total = await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(entity)}`);
      views[entity] = {
        columns: rows.columnNames(),
        rows: rows.getRowObjectsJson() as Record<string, unknown>[],
        total: Number(total.getRowObjectsJS()[0]!.n),
      };
    }
    return { result: await callHttpAgent(agent, { runId, asOf: asOf.toISOString().slice(0, 10), views }), buildId: build.id };
  });
}
