import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { rankFindings } from "@/lib/agents/findings";
import type { FindingDraft, Severity } from "@/lib/agents/types";
import type { AgentRunFreshness, Highlight } from "./schemas";

const BUILTIN = ["finops", "revops"] as const;
const TOP = 5;

/** The latest run of each built-in agent (its freshness), or null when it never ran. */
export async function latestRuns(scope: TenantScope): Promise<Record<string, AgentRunFreshness>> {
  const entries = await Promise.all(
    BUILTIN.map(async (slug) => {
      const run = await scope.db.agentRun.findFirst({
        where: { tenantId: scope.tenantId, agent: { slug } },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      });
      return [
        slug,
        run
          ? { runId: run.id, status: run.status, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null }
          : null,
      ] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * The persona's top findings: for an agent with a successful latest run, its open findings of that
 * run (what people see and act on); for one that never ran successfully, the findings its analysis
 * makes on the views now, labelled live.
 */
export async function latestHighlights(
  scope: TenantScope,
  kinds: string[],
  runs: Record<string, AgentRunFreshness>,
  live: { agent: string; findings: FindingDraft[] }[],
): Promise<Highlight[]> {
  if (kinds.length === 0) return [];
  const ran = Object.values(runs)
    .filter((r) => r?.status === "success")
    .map((r) => r!.runId);
  const stored = ran.length
    ? await scope.db.finding.findMany({
        where: { tenantId: scope.tenantId, lastRunId: { in: ran }, kind: { in: kinds }, status: { in: ["open", "acknowledged"] } },
        orderBy: [{ impactAmount: "desc" }],
        take: 200,
      })
    : [];
  const fresh: Highlight[] = live
    .filter((l) => runs[l.agent]?.status !== "success")
    .flatMap((l) =>
      l.findings
        .filter((f) => kinds.includes(f.kind))
        .map((f) => ({ kind: f.kind, title: f.title, severity: f.severity, impact: f.impact, source: "live" as const })),
    );
  const all: Highlight[] = [
    ...stored.map((f) => ({
      kind: f.kind,
      title: f.title,
      severity: f.severity as Severity,
      source: "findings" as const,
      impact:
        f.impactAmount !== null && f.impactCurrency
          ? { amount: f.impactAmount, currency: f.impactCurrency, per: f.impactPer ?? "once" }
          : null,
    })),
    ...fresh,
  ];
  return rankFindings(all).slice(0, TOP);
}
