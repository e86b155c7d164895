import Link from "next/link";
import type { FirstRunGuide as Guide } from "@/lib/control-center/first-run";
import type { PanelSource } from "@/lib/live-data/panels";
import { Panel } from "./panel";

/** Connect a source → Review the mappings → Run an agent → Ask the assistant, with each step's state. */
export function FirstRunGuide({ guide, panel }: { guide: Guide; panel: PanelSource }) {
  return (
    <Panel panel={panel} testId="first-run-guide">
      <ol className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {guide.steps.map((step, i) => {
          const current = guide.current === step.id;
          const frame = current
            ? "border-brand-500 bg-brand-50 dark:border-blue-400 dark:bg-slate-800"
            : "border-slate-200 dark:border-slate-700";
          return (
            <li
              key={step.id}
              className={`rounded-md border p-3 ${frame}`}
              data-testid={`guide-step-${step.id}`}
              data-state={step.done ? "done" : current ? "current" : "todo"}
              aria-current={current ? "step" : undefined}
            >
              <Link href={step.href} className="group flex items-start gap-3">
                <span
                  className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${step.done ? "bg-emerald-600 text-white" : current ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200"}`}
                  aria-hidden
                >
                  {step.done ? "✓" : i + 1}
                </span>
                <span className="min-w-0">
                  <span className="block font-medium group-hover:underline">{step.title}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    <span className="sr-only">{step.done ? "Done: " : current ? "Next: " : ""}</span>
                    {step.state}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
