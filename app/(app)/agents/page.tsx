import Link from "next/link";
import { z } from "zod";
import { AgentList } from "@/components/agents/agent-list";
import { FindingEvidence } from "@/components/agents/finding-evidence";
import { FindingList } from "@/components/agents/finding-list";
import { FindingsFilters } from "@/components/agents/findings-filters";
import { findingsHref } from "@/components/agents/findings-href";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { PageHeading } from "@/components/ui/page-heading";
import { MUTED, SURFACE } from "@/components/ui/tone";
import { roleHasScope } from "@/lib/auth/roles";
import { requirePageContext } from "../page-context";
import { loadAgentsPage } from "./load-agents-page";

export const metadata = { title: "Agents" };

/** An unknown or repeated filter value is no filter; no status means open and acknowledged. */
const Filter = z.object({
  agent: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/)
    .optional()
    .catch(undefined),
  status: z.enum(["active", "all", "open", "acknowledged", "resolved", "dismissed"]).default("active").catch("active"),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,99}$/)
    .optional()
    .catch(undefined),
});

/** What the built-in agents report (lib/agents/finops, lib/agents/revops), offered before any is found. */
const BUILTIN_KINDS: Record<string, string[]> = {
  finops: ["cost_anomaly", "idle_resource", "underused_resource"],
  revops: ["stalled_deal", "overdue_invoice", "overdue_customer_open_deals", "pipeline_coverage"],
};

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const page = await loadAgentsPage(ctx, Filter.parse(await searchParams));
  const { agents, filter, findings } = page;
  const canWrite = roleHasScope(ctx.actor.role, "agents:write");
  const names = Object.fromEntries(agents.map((a) => [a.slug, a.name]));
  const kinds = [
    ...new Set([
      ...Object.entries(BUILTIN_KINDS)
        .filter(([slug]) => !filter.agent || slug === filter.agent)
        .flatMap(([, k]) => k),
      ...findings.map((f) => f.kind),
      ...(filter.kind ? [filter.kind] : []),
    ]),
  ].sort();
  const filtered = filter.agent !== undefined || filter.kind !== undefined || filter.status !== "active";
  return (
    <div className="space-y-8">
      <RefreshOnEvents types={["agent.run.finished", "task.updated"]} />
      <header className="space-y-1">
        <PageHeading title="Agents" panel="agents" />
        <p className="text-slate-600 dark:text-slate-300">
          Agents read the unified views on a schedule or when asked, and report findings with the money at stake and the evidence behind
          them: the query, the rows and where they came from.
        </p>
      </header>
      <section aria-labelledby="agents-heading" className="space-y-3">
        <h2 id="agents-heading" className={`text-sm font-semibold uppercase tracking-wide ${MUTED}`}>
          Agents
        </h2>
        <AgentList agents={agents} canManage={roleHasScope(ctx.actor.role, "settings:write")} canRun={canWrite} />
      </section>
      <section id="findings" aria-labelledby="findings-heading" className="scroll-mt-4 space-y-3">
        <h2 id="findings-heading" className={`text-sm font-semibold uppercase tracking-wide ${MUTED}`}>
          Findings
        </h2>
        <FindingsFilters filter={filter} agents={agents.map((a) => ({ slug: a.slug, name: a.name }))} kinds={kinds} />
        {findings.length === 0 ? (
          <p className={`p-5 text-sm ${SURFACE} ${MUTED}`} data-testid="findings-empty">
            {filtered ? (
              <>
                No findings match these filters.{" "}
                <Link href={findingsHref({})} scroll={false} className="font-medium text-brand-700 hover:underline dark:text-blue-300">
                  Show open and acknowledged findings of every agent
                </Link>
                .
              </>
            ) : agents.every((a) => a.latestRun === null) ? (
              "No findings yet. Run an agent (Run now, above) to look for cost anomalies, idle resources, stalled deals and overdue invoices in your views."
            ) : (
              <>
                Nothing open: the agents&apos; latest runs found nothing to act on, or a person resolved or dismissed it.{" "}
                <Link
                  href={findingsHref({ status: "all" })}
                  scroll={false}
                  className="font-medium text-brand-700 hover:underline dark:text-blue-300"
                >
                  Show every finding
                </Link>
                .
              </>
            )}
          </p>
        ) : (
          <>
            <p className={`text-sm ${MUTED}`} data-testid="findings-count">
              {page.more
                ? `The ${findings.length} most recently seen, ranked by money, then severity.`
                : `${findings.length === 1 ? "1 finding" : `${findings.length} findings`}, ranked by money, then severity.`}
            </p>
            <FindingList
              canWrite={canWrite}
              findings={findings.map((f) => ({
                ...f,
                agentName: names[f.agent ?? ""] ?? f.agent ?? "deleted agent",
                changedBy: f.statusById ? (page.people[f.statusById] ?? "a former member") : null,
                evidence: <FindingEvidence finding={f} connectionNames={page.connectionNames} />,
              }))}
            />
          </>
        )}
      </section>
    </div>
  );
}
