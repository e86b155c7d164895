import Link from "next/link";
import { formatMoney } from "@/components/agents/format";
import { MUTED } from "@/components/ui/tone";
import type { FinopsHeadline, Money, RevopsHeadline } from "@/lib/control-center/agent-figures";
import type { AgentHeadline } from "@/lib/control-center/agents";
import { formatCount, formatDate, formatMoneyShort, formatRelative, plural } from "./format";
import { Facts, Headline, Panel } from "./panel";
import { TrendChart } from "./lazy-trend-chart";

const LINK = "font-medium text-brand-700 hover:underline dark:text-blue-300";

const money = (m: Money) => <span title={formatMoney(m.amount, m.currency)}>{formatMoneyShort(m.amount, m.currency)}</span>;
const others = (list: Money[]) => (list.length ? ` (and ${list.map((m) => formatMoneyShort(m.amount, m.currency)).join(", ")})` : "");

/** Where the figures come from: the run they were read from, a failed run after it, or a run under way. */
function RunLine<F>({ agent, now }: { agent: AgentHeadline<F>; now: Date }) {
  const href = `/agents?agent=${agent.slug}`;
  return (
    <div className={`space-y-1 text-xs ${MUTED}`}>
      {agent.panel.mode === "demo" && <p data-testid={`agent-${agent.slug}-demo`}>Demo: {agent.panel.source}.</p>}
      {agent.run && (
        <p>
          From the run {formatRelative(agent.run.startedAt, now)}: {plural(agent.run.findings, "finding")}
          {agent.run.newFindings ? ` (${agent.run.newFindings} new)` : ""}.{" "}
          <Link href={href} className={LINK}>
            See the findings
          </Link>
        </p>
      )}
      {agent.failed && (
        <p className="text-red-700 dark:text-red-300" data-testid={`agent-${agent.slug}-failed`}>
          The latest run failed {formatRelative(agent.failed.at, now)}
          {agent.failed.error ? `: ${agent.failed.error}` : "."}
        </p>
      )}
      {agent.running && <p>A run is under way.</p>}
    </div>
  );
}

/** An agent that never ran successfully: say so, and where to run it. */
function NeverRan<F>({ agent, now }: { agent: AgentHeadline<F>; now: Date }) {
  return (
    <div className="space-y-2 text-sm" data-testid={`agent-${agent.slug}-never-ran`}>
      <p className="text-slate-600 dark:text-slate-300">
        {agent.failed ? `The ${agent.name} has no successful run yet.` : `The ${agent.name} has not run yet.`}{" "}
        <Link href="/agents" className={LINK}>
          Run it on the Agents page
        </Link>
        .
      </p>
      <RunLine agent={agent} now={now} />
    </div>
  );
}

export function FinopsPanel({ agent, now }: { agent: AgentHeadline<FinopsHeadline>; now: Date }) {
  const f = agent.figures;
  if (!f)
    return (
      <Panel panel={agent.panel} href="/agents?agent=finops">
        <NeverRan agent={agent} now={now} />
      </Panel>
    );
  const spend = f.spend;
  const change = spend && spend.last7 !== null && spend.previous7 ? (spend.last7 - spend.previous7) / spend.previous7 : null;
  return (
    <Panel panel={agent.panel} href="/agents?agent=finops">
      {spend ? (
        <Headline
          value={formatMoneyShort(spend.total.amount, spend.total.currency)}
          title={formatMoney(spend.total.amount, spend.total.currency)}
          label={
            <>
              cloud spend, {spend.window ? `${formatDate(spend.window.from)} – ${formatDate(spend.window.to)}` : spend.period}
              {others(spend.others)}
            </>
          }
          testId="agent-finops-spend"
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">The latest run found no cost data in the views.</p>
      )}
      {f.trend.length > 1 && (
        <TrendChart
          data={f.trend}
          series={[{ key: "cost", label: "Spend", tone: "main" }]}
          kind="area"
          currency={spend?.total.currency ?? null}
          label={`Daily cloud spend, last ${f.trend.length} days of the data`}
          endsToday={false}
        />
      )}
      <Facts
        items={[
          ...(change !== null
            ? [
                {
                  label: "Last 7 days vs the 7 before",
                  value: `${change >= 0 ? "+" : "−"}${Math.abs(Math.round(change * 100))}%`,
                  tone: change > 0.1 ? ("warn" as const) : undefined,
                },
              ]
            : []),
          {
            label: "Cost anomalies",
            value: formatCount(f.anomalies.count),
            tone: f.anomalies.count ? "warn" : undefined,
            testId: "agent-finops-anomalies",
          },
          ...f.anomalies.impact.map((m) => ({ label: `Spend above expected${m.currency ? ` (${m.currency})` : ""}`, value: money(m) })),
        ]}
      />
      <RunLine agent={agent} now={now} />
    </Panel>
  );
}

export function RevopsPanel({ agent, now }: { agent: AgentHeadline<RevopsHeadline>; now: Date }) {
  const f = agent.figures;
  if (!f)
    return (
      <Panel panel={agent.panel} href="/agents?agent=revops">
        <NeverRan agent={agent} now={now} />
      </Panel>
    );
  return (
    <Panel panel={agent.panel} href="/agents?agent=revops">
      {f.pipeline ? (
        <Headline
          value={formatMoneyShort(f.pipeline.total.amount, f.pipeline.total.currency)}
          title={formatMoney(f.pipeline.total.amount, f.pipeline.total.currency)}
          label={
            <>
              open pipeline{f.pipeline.deals !== null ? `, ${plural(f.pipeline.deals, "deal")}` : ""}
              {others(f.pipeline.others)}
            </>
          }
          testId="agent-revops-pipeline"
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">The latest run found no open deals in the views.</p>
      )}
      <Facts
        items={[
          ...(f.pipeline?.weighted != null
            ? [{ label: "Weighted pipeline", value: money({ amount: f.pipeline.weighted, currency: f.pipeline.total.currency }) }]
            : []),
          f.overdue
            ? {
                label: `Overdue${f.overdue.invoices !== null ? `, ${plural(f.overdue.invoices, "invoice")}` : " receivables"}`,
                value: money(f.overdue.total),
                tone: "bad" as const,
                testId: "agent-revops-overdue",
              }
            : { label: "Overdue receivables", value: "none", testId: "agent-revops-overdue" },
          { label: "Stalled deals", value: formatCount(f.stalledDeals), tone: f.stalledDeals ? "warn" : undefined },
        ]}
      />
      {f.overdue && f.overdue.others.length > 0 && (
        <p className={`text-xs ${MUTED}`}>
          Also overdue: {f.overdue.others.map((m) => formatMoneyShort(m.amount, m.currency)).join(", ")}.
        </p>
      )}
      <RunLine agent={agent} now={now} />
    </Panel>
  );
}
