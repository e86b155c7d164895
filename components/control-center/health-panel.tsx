import type { Health } from "@/lib/health/check-health";
import type { PanelSource } from "@/lib/live-data/panels";
import { Panel } from "./panel";

const LABELS = { database: "Database", redis: "Cache & locks", jobs: "Job engine" } as const;

export function HealthPanel({ health, panel }: { health: Health; panel: PanelSource }) {
  return (
    <Panel panel={panel}>
      <ul className="space-y-2 text-sm">
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((key) => {
          const c = health[key];
          return (
            <li key={key} className="flex items-center justify-between">
              <span>{LABELS[key]}</span>
              <span className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
                <span className="font-mono text-xs">{c.mode}</span>
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-semibold ${c.status === "ok" ? "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300" : "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"}`}
                >
                  {c.status}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
