import { BADGE, SEVERITY_TONE } from "@/components/agents/tone";
import { MUTED } from "@/components/ui/tone";
import { Card } from "@/components/ui/card";
import { DemoBadge } from "@/components/ui/live-badge";
import { PanelBadge } from "@/components/ui/panel-badge";
import { describePanel } from "@/lib/live-data/panels";
import { figureDimension, figureValue } from "@/lib/nlp/personas/format";
import type { Figure, PersonaSummary } from "@/lib/nlp/personas/types";

const DEMO_FIGURES = describePanel("personaSummary", "demo").source;

/**
 * A persona's summary: the narrative, each figure with its breakdown, window and freshness, and
 * the query that produced it; demo content is labelled Demo wherever it shows.
 */
export function PersonaSummaryCard({ summary }: { summary: PersonaSummary }) {
  const groups = groupByLabel(summary.figures);
  return (
    <Card className="space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 className="text-lg font-semibold">{summary.title}</h3>
          <PanelBadge panel={describePanel("personaSummary", summary.demo ? "demo" : "live")} />
        </div>
        <p className={`text-xs ${MUTED}`}>
          {summary.demo
            ? "Demo content, not your data"
            : summary.freshness.viewsBuiltAt
              ? `Views built ${new Date(summary.freshness.viewsBuiltAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC`
              : "No views built yet"}{" "}
          · as of {summary.asOf}
        </p>
      </div>
      {summary.narrative.by === "llm" && (
        <div className="space-y-1" data-testid="persona-narrative">
          <p className="whitespace-pre-line text-sm leading-6 text-slate-700 dark:text-slate-200">{summary.narrative.text}</p>
          <p className={`text-xs ${MUTED}`}>Written by the language model from the figures below only.</p>
        </div>
      )}
      <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {groups.map(([label, figures]) => (
          <div key={label} className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <dt className={`text-xs font-medium ${MUTED}`}>
              {label} {figures.some((f) => f.demo) && <DemoBadge source={DEMO_FIGURES} />}
            </dt>
            {figures.map((f, i) => (
              <dd key={i} className="mt-1 flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                {figureDimension(f) && <span className={`truncate ${MUTED}`}>{figureDimension(f)}</span>}
                <span className={f.value === null ? `${MUTED}` : "font-semibold tabular-nums"}>{figureValue(f)}</span>
              </dd>
            ))}
            <dd className="mt-2 text-xs">
              <details>
                <summary className={`cursor-pointer ${MUTED}`}>How it is computed</summary>
                <p className={`mt-1 ${MUTED}`}>
                  From{" "}
                  {figures[0]!.source === "views"
                    ? "the unified views"
                    : figures[0]!.source === "database"
                      ? "the platform's records"
                      : "demo content"}
                  {figures[0]!.window ? `, ${figures[0]!.window.from} to ${figures[0]!.window.to}` : ""}
                  {figures[0]!.asOf ? `, read ${new Date(figures[0]!.asOf).toLocaleString("en-GB", { timeZone: "UTC" })} UTC` : ""}.
                </p>
                <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-[11px] text-slate-700 dark:bg-slate-950 dark:text-slate-300">
                  {figures[0]!.query}
                </pre>
              </details>
            </dd>
          </div>
        ))}
      </dl>
      {summary.highlights.length > 0 && (
        <div className="space-y-2">
          <h4 className={`text-xs font-semibold uppercase tracking-wide ${MUTED}`}>Most at stake</h4>
          <ul className="space-y-1.5 text-sm">
            {summary.highlights.slice(0, 5).map((h, i) => (
              <li key={i} className="flex flex-wrap items-baseline gap-2">
                <span className={`${BADGE} ${SEVERITY_TONE[h.severity] ?? SEVERITY_TONE.low}`}>{h.severity}</span>
                <span className="min-w-0 break-words">{h.title}</span>
                {h.source === "demo" && <DemoBadge source={DEMO_FIGURES} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

/** Figures of one label together (a total, or the parts of a breakdown), in their order. */
function groupByLabel(figures: Figure[]): [string, Figure[]][] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) groups.set(f.label, [...(groups.get(f.label) ?? []), f]);
  return [...groups];
}
